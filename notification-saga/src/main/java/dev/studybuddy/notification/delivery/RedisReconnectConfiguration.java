package dev.studybuddy.notification.delivery;

import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.autoconfigure.data.redis.ClientResourcesBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Lettuce waits up to 30 s between reconnection attempts by default; in-app deliveries retried after a Redis
 * outage should find the connection back within seconds, so the wait is capped lower.
 */
@Configuration(proxyBeanMethods = false)
class RedisReconnectConfiguration {

    @Bean
    ClientResourcesBuilderCustomizer fastRedisReconnect() {
        return builder -> builder.reconnectDelay(
                Delay.exponential(Duration.ofMillis(100), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS));
    }
}
