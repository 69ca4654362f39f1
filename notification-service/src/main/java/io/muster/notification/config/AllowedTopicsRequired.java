package io.muster.notification.config;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An enabled SNS inbound endpoint names the topics it takes messages from, each a well-formed SNS topic ARN. Checked
 * when the configuration is read, so a service missing them does not start.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = AllowedTopicsRequired.Check.class)
public @interface AllowedTopicsRequired {

    String message() default "muster.notification.sns-inbound.topic-arns is required while "
            + "muster.notification.sns-inbound.enabled is true: set MUSTER_NOTIFICATION_SNS_INBOUND_TOPIC_ARNS to the "
            + "ARN(s) of the SNS topic(s) two-way SMS publishes replies to (comma-separated), or disable SMS replies";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<AllowedTopicsRequired, NotificationConfig.SnsInbound> {

        static final Pattern TOPIC_ARN = Pattern.compile(
                "arn:aws(-cn|-us-gov)?:sns:[a-z]{2}(-[a-z]+)+-\\d:\\d{12}:[A-Za-z0-9_-]{1,256}");

        @Override
        public boolean isValid(NotificationConfig.SnsInbound inbound, ConstraintValidatorContext context) {
            if (inbound == null || !inbound.enabled()) {
                return true;
            }
            List<String> topics = inbound.topicArns().orElse(List.of());
            if (topics.isEmpty()) {
                return false;
            }
            for (String topic : topics) {
                if (!TOPIC_ARN.matcher(topic).matches()) {
                    context.disableDefaultConstraintViolation();
                    context.buildConstraintViolationWithTemplate("muster.notification.sns-inbound.topic-arns: '"
                            + topic.replaceAll("[{}$#\\\\]", "?")
                            + "' is not an SNS topic ARN (arn:aws:sns:<region>:<12-digit account>:<topic name>)")
                            .addConstraintViolation();
                    return false;
                }
            }
            return true;
        }
    }
}
