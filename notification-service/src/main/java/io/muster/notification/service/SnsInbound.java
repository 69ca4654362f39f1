package io.muster.notification.service;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.muster.contracts.EventJson;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.muster.notification.config.NotificationConfig;
import io.muster.notification.domain.SnsMessage;
import io.muster.platform.domain.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * What SNS POSTs to the inbound endpoint: the subscription handshake (confirmed by calling the SubscribeURL SNS
 * sent) and notifications carrying SMS replies. Nothing is acted on before its signature is verified, and then only
 * when it comes from one of the configured topics: anyone can have SNS sign messages of a topic of their own.
 */
@ApplicationScoped
public class SnsInbound {

    private static final Logger LOG = Logger.getLogger(SnsInbound.class);
    /** SNS leaves out fields a message type does not have (Subject, Token), so missing means null here. */
    private static final ObjectMapper SNS_JSON = EventJson.mapper().copy()
            .disable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Inject
    SnsSignatures signatures;

    @Inject
    Acknowledgements acknowledgements;

    @Inject
    NotificationConfig config;

    @Inject
    MeterRegistry registry;

    public Outcome receive(String body) {
        if (!config.snsInbound().enabled()) {
            throw Refusal.titled(Refusal.Kind.NOT_FOUND, "sms-replies-disabled", "SMS replies are not enabled",
                    "this service does not take SMS replies (muster.notification.sns-inbound.enabled=false)",
                    List.of());
        }
        SnsMessage message;
        try {
            message = SNS_JSON.readValue(body, SnsMessage.class);
        } catch (Exception e) {
            throw Refusal.invalid("body", "not an SNS message");
        }
        try {
            signatures.verify(message);
        } catch (Refusal e) {
            refused(RefusedFor.SIGNATURE).increment();
            throw e;
        }
        if (!config.snsInbound().topicArns().orElse(List.of()).contains(message.topicArn())) {
            refused(RefusedFor.TOPIC).increment();
            LOG.warnf("refused a signed SNS %s from topic %s, which is not a configured inbound topic",
                    message.type(), message.topicArn());
            throw SnsSignatures.refused("TopicArn", "not a topic this service takes messages from");
        }
        return switch (message.type()) {
            case SnsMessage.SUBSCRIPTION_CONFIRMATION -> confirm(message);
            case SnsMessage.NOTIFICATION -> smsReply(message);
            case SnsMessage.UNSUBSCRIBE_CONFIRMATION -> {
                LOG.warnf("SNS says the inbound subscription to %s was removed", message.topicArn());
                yield new Outcome("unsubscribed", null);
            }
            default -> throw Refusal.invalid("Type", "unknown SNS message type");
        };
    }

    private Outcome confirm(SnsMessage message) {
        URI subscribe = signatures.trustedSnsUrl(message.subscribeUrl(), "SubscribeURL");
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(subscribe).timeout(Duration.ofSeconds(10))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("SNS answered " + response.statusCode());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while confirming the subscription", e);
        } catch (java.io.IOException e) {
            // SNS sends the confirmation again if this one fails; a 5xx tells it to.
            throw new IllegalStateException("cannot confirm the SNS subscription: " + e.getMessage(), e);
        }
        LOG.infof("confirmed SNS subscription to %s", message.topicArn());
        return new Outcome("subscription-confirmed", null);
    }

    /** Two-way SMS: the notification's Message is JSON with the sender's number and the text they sent. */
    private Outcome smsReply(SnsMessage message) {
        JsonNode sms;
        try {
            sms = SNS_JSON.readTree(message.message());
        } catch (Exception e) {
            throw Refusal.invalid("Message", "not an inbound SMS");
        }
        String from = sms.path("originationNumber").asText(null);
        String text = sms.path("messageBody").asText(null);
        if (from == null || text == null) {
            throw Refusal.invalid("Message", "inbound SMS needs originationNumber and messageBody");
        }
        Acknowledgements.SmsReply reply = acknowledgements.ackBySms(from, text);
        Counter.builder("muster.sms.replies")
                .description("SMS replies taken from SNS, by what became of them")
                .tag("outcome", reply.outcome().wireName())
                .register(registry).increment();
        return new Outcome(reply.outcome().wireName(), reply.pageId());
    }

    private Counter refused(RefusedFor reason) {
        return Counter.builder("muster.sns.inbound.refused")
                .description("Messages to the SNS inbound endpoint refused: bad signature, or a topic not configured")
                .tag("reason", reason.name().toLowerCase(Locale.ROOT))
                .register(registry);
    }

    /** Why a message to the endpoint was refused. */
    enum RefusedFor {
        SIGNATURE, TOPIC
    }

    public record Outcome(String result, UUID pageId) {
    }
}
