package io.muster.notification.providers;

import io.muster.contracts.ChannelType;
import io.muster.notification.config.NotificationConfig;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Email through any SMTP server (Amazon SES included) with a text and an HTML part. The Message-ID header is the
 * attempt's stable message key, so a message re-sent after a crash is recognisably the same message.
 */
@ApplicationScoped
public class SmtpEmailSender implements ChannelSender {

    @Inject
    Mailer mailer;

    @Inject
    NotificationConfig config;

    @Override
    public ChannelType channel() {
        return ChannelType.EMAIL;
    }

    @Override
    public String provider() {
        return "smtp";
    }

    /** The Message-ID header for a message key (RFC 5322: angle brackets, an @ and a domain part). */
    public static String messageId(String messageKey) {
        return "<" + messageKey + "@muster.notification>";
    }

    @Override
    public SendResult send(OutgoingMessage message) {
        try {
            Mail mail = Mail.withText(message.address(), message.subject(), message.text())
                    .setFrom(config.mailFrom())
                    .addHeader("Message-ID", messageId(message.messageKey()));
            if (message.html() != null) {
                mail.setHtml(message.html());
            }
            mailer.send(mail);
            return new SendResult.Sent(messageId(message.messageKey()));
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String detail = root.getMessage() == null ? root.toString() : root.getMessage();
            // SMTP failures are retried: telling a bad mailbox from a busy relay by reply text is guesswork, and the
            // retry limit bounds the cost before the next channel is tried.
            return new SendResult.Failed(root.getClass().getSimpleName(), detail, true);
        }
    }
}
