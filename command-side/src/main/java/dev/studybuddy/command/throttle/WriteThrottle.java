package dev.studybuddy.command.throttle;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.studybuddy.platform.security.CurrentUser;
import dev.studybuddy.platform.web.RateLimitedException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.UUID;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * A token bucket (Bucket4j) per user for one {@link WriteLimits.Budget}, taken before a write is read or decided,
 * so that refused writes count too and a flood costs the node no command. Buckets live in this node's memory,
 * bounded and forgotten when idle, like the upload and sign-in limits' (several nodes would each count on their own).
 */
class WriteThrottle implements HandlerInterceptor {

    private final WriteLimits.Budget budget;
    private final Cache<UUID, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofHours(1))
            .build();

    WriteThrottle(WriteLimits.Budget budget) {
        this.budget = budget;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            admit(CurrentUser.id());
        }
        return true;
    }

    /** @throws RateLimitedException (429 with {@code Retry-After}) when the user's budget is spent */
    void admit(UUID userId) {
        Bucket bucket = buckets.get(
                userId,
                ignored -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(budget.writes())
                                .refillGreedy(budget.writes(), budget.per())
                                .build())
                        .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new RateLimitedException(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }
}
