package io.muster.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.internet.MimeMessage;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The providers as wire-protocol stand-ins, one of each per test JVM on dynamic ports: a real SMTP server
 * (GreenMail) that receives and parses every email, and a WireMock server speaking SNS's Query protocol with
 * real-shaped XML answers. The application's SNS and mailer clients are pointed at them by configuration.
 */
public class ProviderStandIns implements QuarkusTestResourceLifecycleManager {

    private static GreenMail smtp;
    private static WireMockServer sns;

    @Override
    public Map<String, String> start() {
        startOnce();
        return Map.of(
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(smtp.getSmtp().getPort()),
                "quarkus.sns.endpoint-override", "http://localhost:" + sns.port(),
                "quarkus.sns.aws.region", "eu-west-1",
                "quarkus.sns.aws.credentials.type", "static",
                "quarkus.sns.aws.credentials.static-provider.access-key-id", "AKIDTESTMUSTER",
                "quarkus.sns.aws.credentials.static-provider.secret-access-key", "test-secret-key");
    }

    private static synchronized void startOnce() {
        if (smtp != null) {
            return;
        }
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        sns = new WireMockServer(options().dynamicPort());
        sns.start();
        sns.stubFor(post(urlEqualTo("/")).atPriority(10).withRequestBody(containing("Action=Publish"))
                .willReturn(publishOk()));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            smtp.stop();
            sns.stop();
        }, "stop-provider-stand-ins"));
    }

    @Override
    public void stop() {
        // shared by every application start in this JVM
    }

    public static GreenMail smtp() {
        startOnce();
        return smtp;
    }

    public static WireMockServer sns() {
        startOnce();
        return sns;
    }

    /** A phone number no other test uses (E.164, the UK drama range). */
    /* Numbers handed out in sequence: random ones collided now and then, and a test then saw another's SMS. */
    private static final java.util.concurrent.atomic.AtomicInteger NEXT_PHONE = new java.util.concurrent.atomic.AtomicInteger(
            ThreadLocalRandom.current().nextInt(50_000));

    public static String uniquePhone() {
        return "+4477009" + String.format("%05d", NEXT_PHONE.getAndIncrement() % 100_000);
    }

    public static String uniqueEmail() {
        return "responder-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    public static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder publishOk() {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/xml")
                .withBody("<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult>"
                        + "<MessageId>" + UUID.randomUUID() + "</MessageId></PublishResult><ResponseMetadata>"
                        + "<RequestId>" + UUID.randomUUID() + "</RequestId></ResponseMetadata></PublishResponse>");
    }

    /** An SNS error answer as the Query protocol shapes it. */
    public static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder snsError(int status, String type,
            String code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "text/xml")
                .withBody("<ErrorResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><Error><Type>" + type
                        + "</Type><Code>" + code + "</Code><Message>" + message + "</Message></Error><RequestId>"
                        + UUID.randomUUID() + "</RequestId></ErrorResponse>");
    }

    /** Publish requests SNS received for one phone number. */
    public static List<LoggedRequest> publishesTo(String phone) {
        return sns().findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo("/"))
                        .withRequestBody(containing("Action=Publish")))
                .stream().filter(r -> phone.equals(form(r).get("PhoneNumber"))).toList();
    }

    /** The form parameters of a Query-protocol request. */
    public static Map<String, String> form(LoggedRequest request) {
        Map<String, String> params = new LinkedHashMap<>();
        Arrays.stream(request.getBodyAsString().split("&")).filter(p -> !p.isEmpty()).forEach(p -> {
            int eq = p.indexOf('=');
            params.put(URLDecoder.decode(p.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(p.substring(eq + 1), StandardCharsets.UTF_8));
        });
        return params;
    }

    /** Messages the SMTP server received for one address. */
    public static List<MimeMessage> mailTo(String address) {
        return Arrays.stream(smtp().getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
