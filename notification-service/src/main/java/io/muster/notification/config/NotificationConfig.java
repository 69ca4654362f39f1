package io.muster.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import jakarta.validation.constraints.Min;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "muster.notification")
public interface NotificationConfig {

    /** Non-critical SMS beyond this per person in 15 minutes are bundled into one summary. */
    @WithName("sms-per-person-per-15-minutes")
    @WithDefault("5")
    int smsPerPersonPer15Minutes();

    /** Sends tried on one channel before falling back to the next. */
    @WithDefault("3")
    int maxAttemptsPerChannel();

    /** Delay before the first retry; each further retry doubles it (with jitter), up to {@link #retryMaxDelay()}. */
    @WithDefault("2s")
    Duration retryBaseDelay();

    @WithDefault("60s")
    Duration retryMaxDelay();

    /**
     * How long an attempt may stay in flight before it is taken for abandoned by a crashed instance. Longer than
     * any provider call can take (the SNS and SMTP timeouts), so a live worker's attempt is never taken over.
     */
    @WithDefault("2m")
    Duration inFlightLease();

    /** How often idle send workers look for due attempts; enqueuing in this instance wakes them at once. */
    @WithDefault("500ms")
    Duration workerPollInterval();

    /** Concurrent senders per channel type in this instance. */
    @WithDefault("2")
    int workersPerChannel();

    /** Whether this instance sends at all (off for instances that only serve the API). */
    @WithDefault("true")
    boolean sendingEnabled();

    /** The From address of every email. */
    @WithDefault("Muster <muster@localhost>")
    String mailFrom();

    /** Where responders reach this service from their mail client; ack links start with it. */
    @WithDefault("http://localhost:8083")
    String publicBaseUrl();

    /** HMAC-SHA256 key for ack links (at least 32 characters); comes from a Secret in production. */
    String ackLinkSecret();

    /** How long an ack link works. */
    @WithDefault("24h")
    Duration ackLinkTtl();

    /** Messages from SNS to the inbound endpoint (SMS replies, subscription handshakes). */
    SnsInbound snsInbound();

    /** Pages to WEBHOOK channels: a signed JSON POST to the channel's https address. */
    Webhook webhook();

    interface Webhook {

        /**
         * HMAC-SHA256 key the receiver checks the {@code Muster-Signature} header with (at least 32 characters); comes
         * from a Secret in production. Without it webhook pages fail over to the person's next channel.
         */
        Optional<String> signingSecret();

        /**
         * A PEM file of CA certificates to trust instead of the JVM's (receivers behind a private CA); the JVM's
         * trust store when absent.
         */
        Optional<Path> trustedCertificates();

        /** How long one POST may take before it counts as a failed (retryable) attempt. */
        @WithDefault("10s")
        Duration timeout();
    }

    /**
     * The inbound endpoint takes SMS replies only from the SNS topics named here: any AWS account can create a
     * topic, subscribe this endpoint and sign messages that verify, so a valid signature alone proves nothing
     * about who sent the reply. Without the topics an enabled endpoint does not start.
     */
    @AllowedTopicsRequired
    interface SnsInbound {

        /** Whether SMS replies are taken at all; when off the endpoint answers 404 and no topic is needed. */
        @WithDefault("true")
        boolean enabled();

        /**
         * Hosts SNS signing certificates may come from. Anything else could be an attacker's certificate that
         * "verifies" their own forgery, so it is refused before it is fetched.
         */
        @WithDefault("sns\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?")
        String certHostPattern();

        /** Certificates and subscription URLs only over https (tests serve them over http from a stand-in). */
        @WithDefault("true")
        boolean requireHttps();

        /** The SNS topic ARNs two-way SMS publishes replies to; required while {@link #enabled()}. */
        Optional<List<String>> topicArns();

        /** Wrong codes from one number within {@link #wrongCodeWindow()} that lock its SMS acks. */
        @WithDefault("5")
        @Min(1)
        int maxWrongCodes();

        @WithDefault("15m")
        Duration wrongCodeWindow();

        /** How long a number's SMS acks stay locked after too many wrong codes; email links still work. */
        @WithDefault("15m")
        Duration lockout();
    }
}
