package io.muster.notification.providers;

import io.muster.contracts.ChannelType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sns.model.PublishResponse;
import software.amazon.awssdk.services.sns.model.SnsException;

/**
 * SMS through Amazon SNS {@code Publish} to a phone number, as a transactional (high-priority) SMS. Endpoint,
 * region and credentials come from {@code quarkus.sns.*}, so tests and the local run point it at a stand-in.
 */
@ApplicationScoped
public class SnsSmsSender implements ChannelSender {

    /** Error codes SNS answers when it is busy or briefly broken; anything else in 4xx is the request's fault. */
    private static final Set<String> TRANSIENT_CODES = Set.of("Throttled", "ThrottledException", "Throttling",
            "ThrottlingException", "InternalError", "InternalFailure", "ServiceUnavailable", "KMSThrottling");

    @Inject
    SnsClient sns;

    @Override
    public ChannelType channel() {
        return ChannelType.SMS;
    }

    @Override
    public String provider() {
        return "sns";
    }

    @Override
    public SendResult send(OutgoingMessage message) {
        try {
            PublishResponse response = sns.publish(PublishRequest.builder()
                    .phoneNumber(message.address())
                    .message(message.text())
                    .messageAttributes(Map.of("AWS.SNS.SMS.SMSType", MessageAttributeValue.builder()
                            .dataType("String").stringValue("Transactional").build()))
                    .build());
            return new SendResult.Sent(response.messageId());
        } catch (SnsException e) {
            String code = e.awsErrorDetails() == null ? "Unknown" : e.awsErrorDetails().errorCode();
            boolean retryable = e.statusCode() >= 500 || e.statusCode() == 429 || TRANSIENT_CODES.contains(code);
            return new SendResult.Failed(code, e.statusCode() + " " + code + ": "
                    + (e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage()), retryable);
        } catch (SdkException e) {
            // No answer (connection refused, timeout): SNS may be down, worth another try.
            return new SendResult.Failed("ClientError", e.getMessage(), true);
        } catch (RuntimeException e) {
            return new SendResult.Failed("Unexpected", e.toString(), true);
        }
    }
}
