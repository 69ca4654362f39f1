package io.muster.notification.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.validator.BeanValidationConfigValidator;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/** The configuration is read and checked the way the service reads it at startup (SmallRye mapping + Bean Validation). */
class NotificationConfigTest {

    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
    private static final String TOPIC = "arn:aws:sns:eu-west-1:123456789012:muster-inbound-sms";

    private static NotificationConfig read(Map<String, String> extra) {
        Map<String, String> properties = new HashMap<>(Map.of(
                "muster.notification.ack-link-secret", "an-ack-link-secret-of-at-least-32-characters"));
        properties.putAll(extra);
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .withConverter(Duration.class, 100, new DurationConverter()) // "15m", as Quarkus reads it
                .withMapping(NotificationConfig.class)
                .withValidator((BeanValidationConfigValidator) () -> VALIDATOR)
                .build();
        return config.getConfigMapping(NotificationConfig.class);
    }

    @Test
    void withSmsRepliesOnByDefaultTheServiceDoesNotStartWithoutTheAllowedTopics() {
        assertThatThrownBy(() -> read(Map.of()))
                .isInstanceOf(ConfigValidationException.class)
                .hasMessageContaining("muster.notification.sns-inbound.topic-arns is required")
                .hasMessageContaining("MUSTER_NOTIFICATION_SNS_INBOUND_TOPIC_ARNS");
    }

    @Test
    void aTopicThatIsNotAnSnsTopicArnIsRefusedByName() {
        assertThatThrownBy(() -> read(Map.of("muster.notification.sns-inbound.topic-arns",
                TOPIC + ",arn:aws:sns:eu-west-1:ACCOUNT_ID:muster-inbound-sms")))
                .isInstanceOf(ConfigValidationException.class)
                .hasMessageContaining("'arn:aws:sns:eu-west-1:ACCOUNT_ID:muster-inbound-sms' is not an SNS topic ARN");
    }

    @Test
    void theAllowedTopicsAndTheGuessingLimitAreRead() {
        NotificationConfig.SnsInbound inbound = read(Map.of("muster.notification.sns-inbound.topic-arns",
                TOPIC + ",arn:aws-cn:sns:cn-north-1:210987654321:replies")).snsInbound();
        assertThat(inbound.enabled()).isTrue();
        assertThat(inbound.topicArns()).contains(List.of(TOPIC, "arn:aws-cn:sns:cn-north-1:210987654321:replies"));
        assertThat(inbound.maxWrongCodes()).isEqualTo(5);
        assertThat(inbound.wrongCodeWindow()).hasMinutes(15);
        assertThat(inbound.lockout()).hasMinutes(15);
    }

    @Test
    void withSmsRepliesOffNoTopicIsNeeded() {
        assertThat(read(Map.of("muster.notification.sns-inbound.enabled", "false")).snsInbound().enabled()).isFalse();
    }

    @Test
    void atLeastOneWrongCodeIsAllowedBeforeALockout() {
        assertThatThrownBy(() -> read(Map.of("muster.notification.sns-inbound.topic-arns", TOPIC,
                "muster.notification.sns-inbound.max-wrong-codes", "0")))
                .isInstanceOf(ConfigValidationException.class)
                .hasMessageContaining("max-wrong-codes must be greater than or equal to 1");
    }
}
