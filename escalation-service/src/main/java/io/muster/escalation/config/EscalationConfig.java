package io.muster.escalation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "muster.escalation")
public interface EscalationConfig {

    /** How long a stage waits for an acknowledgement when its policy does not say. */
    @WithDefault("5m")
    Duration defaultStageTimeout();

    /** How often the stage-timer poller runs ("off" disables it; tests then poll by hand). */
    @WithDefault("250ms")
    String timerPollEvery();

    /**
     * How many due stage timers fire at once when several are due (a burst of incidents raised together times out
     * together). Each still fires in its own transaction, claimed with SKIP LOCKED, so none fires twice.
     */
    @WithDefault("4")
    @Min(1)
    int timerFiringThreads();

    /**
     * An integration key (32 characters) to make sure exists at start-up, for demos and first installs; absent in
     * production, where admins create keys over the API.
     */
    Optional<String> seedIntegrationKey();

    /**
     * Events each integration key may send per second to the compatible endpoints (per replica, with a burst of one
     * second's worth); beyond it the sender gets 429 and retries, as PagerDuty clients do.
     */
    @WithDefault("2000")
    @Min(1)
    int eventsPerKeyPerSecond();

    /**
     * When a deadline clock reminds the outside party's owning role, as fractions of the deadline (1.0 = the
     * deadline itself, when the clock is overdue). Each is sent once per clock; values must be in (0, 10].
     */
    @WithDefault("0.5,0.9,1.0")
    List<Double> clockReminders();

    /** How often due deadline and stakeholder-update reminders are looked for ("off" disables it; tests poll). */
    @WithDefault("5s")
    String reminderPollEvery();

    /** The incident response plan document. */
    PlanDocument planDocument();

    interface PlanDocument {

        /** The role the document's RACI names accountable (A) in every phase. */
        @WithDefault("incident-commander")
        String accountableRole();
    }

    /** Optional mirror of incidents into AWS Systems Manager Incident Manager; off without a response plan ARN. */
    AwsIncidentManager awsIncidentManager();

    interface AwsIncidentManager {

        /** The Incident Manager response plan incidents are started with; mirroring is off when absent. */
        Optional<String> responsePlanArn();

        @WithDefault("us-east-1")
        String region();

        /** Another endpoint than AWS's (a VPC endpoint, or a protocol stub in tests). */
        Optional<URI> endpointOverride();

        /** Static credentials; when absent the SDK's default chain (environment, profile, role) is used. */
        Optional<String> accessKeyId();

        Optional<String> secretAccessKey();
    }
}
