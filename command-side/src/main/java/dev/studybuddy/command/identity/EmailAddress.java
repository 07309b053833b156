package dev.studybuddy.command.identity;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * An e-mail address as a person types it: what Hibernate's {@link Email} takes, at most 254 characters, and no
 * control, line-separator or formatting character (bidirectional marks and overrides, zero-width characters). {@code @Email} lets any of U+0080 to U+FFFF into the
 * local part, and the address reaches mail headers, the contacts notification-saga keeps, exports and screens.
 */
@NotBlank
@Email
@Size(max = 254)
@Pattern(
        regexp = "[^\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]*",
        message = "must not contain control, formatting or line-separator characters")
@Documented
@Constraint(validatedBy = {})
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
@interface EmailAddress {

    String message() default "must be an e-mail address";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
