package io.muster.notification.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.muster.contracts.ChannelType;
import io.muster.contracts.Severity;
import io.muster.notification.domain.PageDelivery;
import io.muster.notification.domain.SmsSegments;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns pages and verification codes into message text with the Qute templates under {@code templates/}, one per
 * channel, with a severity-specific variant ({@code page-critical}) where one exists. Drills carry {@code [DRILL]}
 * in every part.
 */
@ApplicationScoped
public class MessageRenderer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);

    @Inject
    Engine engine;

    /**
     * Subject, text and (email only) HTML of a page; {@code ackLink} is null for SMS and notify-only pages. A webhook
     * gets the page as JSON in {@code text}, for machines rather than people.
     */
    public RenderedMessage page(PageDelivery page, ChannelType channel, String ackLink) {
        if (channel == ChannelType.WEBHOOK) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("type", "page");
            json.put("pageId", page.pageId.toString());
            json.put("incidentId", page.incidentId.toString());
            json.put("severity", page.severity.name());
            json.put("title", (page.drill ? "[DRILL] " : "") + page.title);
            json.put("summary", page.summary);
            json.put("roleKey", page.roleKey);
            json.put("drill", page.drill);
            json.put("notifyOnly", page.notifyOnly);
            json.put("ackCode", page.ackCode);
            json.put("ackUrl", ackLink);
            return new RenderedMessage(null, write(json), null);
        }
        Map<String, Object> data = new HashMap<>();
        data.put("drill", page.drill);
        data.put("severity", page.severity.name());
        data.put("title", page.title);
        data.put("roleKey", page.roleKey);
        data.put("notifyOnly", page.notifyOnly);
        data.put("ackCode", page.ackCode);
        data.put("ackLink", ackLink);
        String subject = (page.drill ? "[DRILL] " : "") + "[" + page.severity.name() + "] " + page.title;
        data.put("subject", subject);
        if (channel == ChannelType.SMS) {
            Template sms = template("sms", "page", page.severity, "txt");
            String text = SmsSegments.fit(page.summary == null ? "" : page.summary, summary -> {
                Map<String, Object> withSummary = new HashMap<>(data);
                withSummary.put("summary", summary);
                return render(sms, withSummary);
            });
            return new RenderedMessage(null, text, null);
        }
        data.put("summary", page.summary);
        return new RenderedMessage(subject, render(template("email", "page", page.severity, "txt"), data),
                render(template("email", "page", page.severity, "html"), data));
    }

    /** A plain message carrying a verification code: no ack link, no incident. */
    public RenderedMessage verification(ChannelType channel, String code, Instant expiresAt) {
        Map<String, Object> data = Map.of("code", code, "expiresAt", EXPIRY.format(expiresAt));
        if (channel == ChannelType.WEBHOOK) {
            return new RenderedMessage(null, write(Map.of("type", "verification", "code", code,
                    "expiresAt", expiresAt.toString())), null);
        }
        if (channel == ChannelType.SMS) {
            return new RenderedMessage(null, render(engine.getTemplate("sms/verification.txt"), data), null);
        }
        return new RenderedMessage("Your Muster verification code",
                render(engine.getTemplate("email/verification.txt"), data), null);
    }

    /** A test page: says it is a test, asks for nothing, carries no incident and no ack link. */
    public RenderedMessage channelTest(ChannelType channel) {
        if (channel == ChannelType.SMS) {
            return new RenderedMessage(null, render(engine.getTemplate("sms/channel-test.txt"), Map.of()), null);
        }
        return new RenderedMessage("Muster test page", render(engine.getTemplate("email/channel-test.txt"),
                Map.of()), null);
    }

    private Template template(String channel, String name, Severity severity, String suffix) {
        Template specific = engine.getTemplate(channel + "/" + name + "-" + severity.name().toLowerCase(Locale.ROOT)
                + "." + suffix);
        return specific != null ? specific : engine.getTemplate(channel + "/" + name + "." + suffix);
    }

    private static String write(Map<String, Object> json) {
        try {
            return JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a webhook body", e);
        }
    }

    private static String render(Template template, Map<String, Object> data) {
        var instance = template.instance();
        data.forEach(instance::data);
        return instance.render().strip();
    }

    public record RenderedMessage(String subject, String text, String html) {
    }
}
