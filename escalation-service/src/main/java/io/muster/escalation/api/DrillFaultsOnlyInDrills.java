package io.muster.escalation.api;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A raise request may carry {@code drillFaults} only when it raises a drill; the violation names that field. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = DrillFaultsOnlyInDrills.Validator.class)
public @interface DrillFaultsOnlyInDrills {

    String message() default "only a drill can inject faults";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<DrillFaultsOnlyInDrills, RaiseIncidentRequest> {

        @Override
        public boolean isValid(RaiseIncidentRequest request, ConstraintValidatorContext context) {
            if (request == null || request.drillFaults() == null || Boolean.TRUE.equals(request.drill())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("drillFaults").addConstraintViolation();
            return false;
        }
    }
}
