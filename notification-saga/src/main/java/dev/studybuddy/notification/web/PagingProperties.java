package dev.studybuddy.notification.web;

import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How many items a list answers when the client does not say, and the most it may ask for. */
@ConfigurationProperties("studybuddy.paging")
public record PagingProperties(
        @DefaultValue("50") int defaultLimit,
        @DefaultValue("200") int maxLimit) {

    public PagingProperties {
        if (defaultLimit < 1 || defaultLimit > maxLimit) {
            throw new IllegalArgumentException("studybuddy.paging.default-limit must be between 1 and max-limit");
        }
    }

    /** The page size for a requested {@code limit}; one outside 1..max is refused rather than silently changed. */
    public int limit(Integer requested) {
        if (requested == null) {
            return defaultLimit;
        }
        if (requested < 1 || requested > maxLimit) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "limit must be between 1 and " + maxLimit + ".");
        }
        return requested;
    }
}
