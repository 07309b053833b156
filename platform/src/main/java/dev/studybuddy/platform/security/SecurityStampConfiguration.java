package dev.studybuddy.platform.security;

import dev.studybuddy.platform.eventstore.MongoEventStoreConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Every service refuses outdated access tokens ({@link SecurityStampValidator}); the validator is an extra token
 * check that {@link ResourceServerConfiguration}'s decoder picks up (command-side adds it to its own decoder).
 */
@AutoConfiguration(after = {RedisAutoConfiguration.class, MongoEventStoreConfiguration.class})
@ConditionalOnClass(RedisConnectionFactory.class)
@ConditionalOnBean({RedisConnectionFactory.class, EventStore.class})
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityStampConfiguration {

    @Bean
    public AccountAuthority accountAuthority(EventStore eventStore) {
        return new AccountAuthority(eventStore);
    }

    @Bean
    public SecurityStamps securityStamps(
            AccountAuthority authority, RedisConnectionFactory redis, SecurityProperties properties) {
        return new SecurityStamps(authority, redis, properties);
    }

    @Bean
    public SecurityStampValidator securityStampValidator(SecurityStamps stamps) {
        return new SecurityStampValidator(stamps);
    }
}
