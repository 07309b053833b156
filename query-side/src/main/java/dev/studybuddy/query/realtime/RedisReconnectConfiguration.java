package dev.studybuddy.query.realtime;

import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.autoconfigure.data.redis.ClientResourcesBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Lettuce waits up to 30 s between reconnection attempts by default; live frames (published, and received
 * for this node's sessions) should flow again within seconds of Redis coming back, so the wait is capped
 * lower (as notification-saga does).
 */
@Configuration(proxyBeanMethods = false)
class RedisReconnectConfiguration {

    @Bean
    ClientResourcesBuilderCustomizer fastRedisReconnect() {
        return builder -> builder.reconnectDelay(
                Delay.exponential(Duration.ofMillis(100), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS));
    }
}
