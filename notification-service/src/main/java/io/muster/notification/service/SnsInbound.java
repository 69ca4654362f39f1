package io.muster.notification.service;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.muster.contracts.EventJson;
import io.muster.notification.domain.SnsMessage;
import io.muster.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * What SNS POSTs to the inbound endpoint: the subscription handshake (confirmed by calling the SubscribeURL SNS
 * sent) and notifications carrying SMS replies. Nothing is acted on before its signature is verified.
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

    public Outcome receive(String body) {
        SnsMessage message;
        try {
            message = SNS_JSON.readValue(body, SnsMessage.class);
        } catch (Exception e) {
            throw ProblemException.badRequest("body", "not an SNS message");
        }
        signatures.verify(message);
        return switch (message.type()) {
            case SnsMessage.SUBSCRIPTION_CONFIRMATION -> confirm(message);
            case SnsMessage.NOTIFICATION -> smsReply(message);
            case SnsMessage.UNSUBSCRIBE_CONFIRMATION -> {
                LOG.warnf("SNS says the inbound subscription to %s was removed", message.topicArn());
                yield new Outcome("unsubscribed", null);
            }
            default -> throw ProblemException.badRequest("Type", "unknown SNS message type");
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
            throw ProblemException.badRequest("Message", "not an inbound SMS");
        }
        String from = sms.path("originationNumber").asText(null);
        String text = sms.path("messageBody").asText(null);
        if (from == null || text == null) {
            throw ProblemException.badRequest("Message", "inbound SMS needs originationNumber and messageBody");
        }
        UUID page = acknowledgements.ackBySms(from, text).orElse(null);
        return new Outcome(page == null ? "ignored" : "acknowledged", page);
    }

    public record Outcome(String result, UUID pageId) {
    }
}
