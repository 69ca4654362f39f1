package io.muster.gameday;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A real SMTP server (GreenMail) on a dynamic port, one per test JVM, that receives and parses every email the
 * service sends; the application's mailer is pointed at it by configuration.
 */
public class MailServer implements QuarkusTestResourceLifecycleManager {

    private static GreenMail smtp;

    @Override
    public Map<String, String> start() {
        startOnce();
        return Map.of("quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(smtp.getSmtp().getPort()));
    }

    private static synchronized void startOnce() {
        if (smtp != null) {
            return;
        }
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        Runtime.getRuntime().addShutdownHook(new Thread(smtp::stop, "stop-mail-server"));
    }

    @Override
    public void stop() {
        // shared by every application start in this JVM
    }

    /** An address no other test uses. */
    public static String uniqueEmail(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    /** Messages the server received for one address, oldest first. */
    public static List<MimeMessage> mailTo(String address) {
        startOnce();
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(address));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** The text of a received message. */
    public static String text(MimeMessage message) {
        try {
            return com.icegreen.greenmail.util.GreenMailUtil.getBody(message).replace("\r\n", "\n");
        } catch (RuntimeException e) {
            throw new IllegalStateException(e);
        }
    }
}
