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
 * control, line-separator or bidirectional formatting character. {@code @Email} lets any of U+0080 to U+FFFF into the
 * local part, and the address reaches mail headers, the contacts notification-saga keeps, exports and screens.
 */
@NotBlank
@Email
@Size(max = 254)
@Pattern(
        regexp = "[^\\p{Cc}\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069]*",
        message = "must not contain control or bidirectional formatting characters")
@Documented
@Constraint(validatedBy = {})
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
@interface EmailAddress {

    String message() default "must be an e-mail address";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
