package io.muster.notification.providers;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.SnsClientBuilder;

/**
 * The SNS client as quarkus-amazon-sns configures it (endpoint, region, credentials, HTTP client from
 * {@code quarkus.sns.*}), with the SDK's own retries turned off: retries belong to the send queue, where each is
 * recorded, backed off and followed by fallback to the next channel, instead of being hidden inside one call.
 */
@ApplicationScoped
public class SnsClientProducer {

    @Produces
    @ApplicationScoped
    SnsClient snsClient(SnsClientBuilder builder) {
        return builder.overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())
                .apiCallTimeout(Duration.ofSeconds(15))).build();
    }
}
