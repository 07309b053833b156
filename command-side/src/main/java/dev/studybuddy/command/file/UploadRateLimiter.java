package dev.studybuddy.command.file;

import dev.studybuddy.api.file.FilePurpose;
import dev.studybuddy.command.throttle.TokenBuckets;
import dev.studybuddy.platform.web.RateLimitedException;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A token bucket per user and purpose, taken before an upload is checked, so that one account cannot keep the node
 * decoding images; refused uploads count too.
 */
@Component
class UploadRateLimiter {

    private final UploadRateLimits limits;
    private final TokenBuckets buckets = new TokenBuckets();

    UploadRateLimiter(UploadRateLimits limits) {
        this.limits = limits;
    }

    /** @throws RateLimitedException (429 with {@code Retry-After}) when the user's budget for the purpose is spent */
    void admit(UUID userId, FilePurpose purpose) {
        UploadRateLimits.Limit limit = limits.of(purpose);
        buckets.take(userId + "|" + purpose, limit.attempts(), limit.per());
    }
}
