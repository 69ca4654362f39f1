package io.muster.notification.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A message SNS POSTs to an HTTP(S) subscription, as documented for SignatureVersion 1 and 2. */
public record SnsMessage(
        @JsonProperty("Type") String type,
        @JsonProperty("MessageId") String messageId,
        @JsonProperty("Token") String token,
        @JsonProperty("TopicArn") String topicArn,
        @JsonProperty("Subject") String subject,
        @JsonProperty("Message") String message,
        @JsonProperty("SubscribeURL") String subscribeUrl,
        @JsonProperty("Timestamp") String timestamp,
        @JsonProperty("SignatureVersion") String signatureVersion,
        @JsonProperty("Signature") String signature,
        @JsonProperty("SigningCertURL") String signingCertUrl,
        @JsonProperty("UnsubscribeURL") String unsubscribeUrl) {

    public static final String NOTIFICATION = "Notification";
    public static final String SUBSCRIPTION_CONFIRMATION = "SubscriptionConfirmation";
    public static final String UNSUBSCRIBE_CONFIRMATION = "UnsubscribeConfirmation";

    /**
     * The exact text SNS signed: selected fields as "name\nvalue\n" in byte order of their names. Notifications
     * include Subject only when present; confirmations include SubscribeURL and Token instead.
     */
    public String stringToSign() {
        StringBuilder out = new StringBuilder();
        append(out, "Message", message);
        append(out, "MessageId", messageId);
        if (NOTIFICATION.equals(type)) {
            if (subject != null) {
                append(out, "Subject", subject);
            }
        } else {
            append(out, "SubscribeURL", subscribeUrl);
        }
        append(out, "Timestamp", timestamp);
        if (!NOTIFICATION.equals(type)) {
            append(out, "Token", token);
        }
        append(out, "TopicArn", topicArn);
        append(out, "Type", type);
        return out.toString();
    }

    private static void append(StringBuilder out, String name, String value) {
        out.append(name).append('\n').append(value).append('\n');
    }
}
