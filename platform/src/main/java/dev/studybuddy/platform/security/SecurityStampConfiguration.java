package dev.studybuddy.platform.security;

import dev.studybuddy.platform.eventstore.MongoEventStoreConfiguration;
import dev.studybuddy.platform.personaldata.PersonalDataKeys;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
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
            AccountAuthority authority,
            RedisConnectionFactory redis,
            SecurityProperties properties,
            ObjectProvider<PersonalDataKeys> personalDataKeys) {
        SecurityStamps stamps = new SecurityStamps(authority, redis, properties);
        // an erased user's data key leaves this node's cache as soon as the erasure is announced (docs/adr/0019)
        personalDataKeys.ifAvailable(keys -> stamps.onErased(keys::evict, keys.keptFor()));
        return stamps;
    }

    @Bean
    public SecurityStampValidator securityStampValidator(SecurityStamps stamps) {
        return new SecurityStampValidator(stamps);
    }
}
