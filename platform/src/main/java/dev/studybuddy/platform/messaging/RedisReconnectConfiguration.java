package dev.studybuddy.platform.messaging;

import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.data.redis.ClientResourcesBuilderCustomizer;
import org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Lettuce waits up to 30 s between reconnection attempts by default, and holds the commands given meanwhile: every
 * service's Redis traffic (live frames, in-app deliveries, security stamp and append announcements) should flow again
 * within seconds of Redis coming back, so the wait is capped lower. Each service also bounds a command's wait
 * ({@code spring.data.redis.timeout}, 2 s in their application.yml), so that a held command fails in time to be tried
 * again rather than after Lettuce's default minute.
 */
@AutoConfiguration(before = RedisAutoConfiguration.class)
@ConditionalOnClass({Delay.class, ClientResourcesBuilderCustomizer.class})
public class RedisReconnectConfiguration {

    @Bean
    public ClientResourcesBuilderCustomizer fastRedisReconnect() {
        return builder -> builder.reconnectDelay(
                Delay.exponential(Duration.ofMillis(100), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS));
    }
}
