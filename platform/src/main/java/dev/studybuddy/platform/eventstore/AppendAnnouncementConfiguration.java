package dev.studybuddy.platform.eventstore;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/** Every service with Redis announces its appends and listens for the others' ({@link AppendAnnouncements}). */
@AutoConfiguration(after = {RedisAutoConfiguration.class, MongoEventStoreConfiguration.class})
@ConditionalOnClass(RedisConnectionFactory.class)
@ConditionalOnBean({RedisConnectionFactory.class, PromptEventStore.class})
@ConditionalOnProperty(name = "studybuddy.event-store.announcements.enabled", matchIfMissing = true)
public class AppendAnnouncementConfiguration {

    @Bean
    public AppendAnnouncements appendAnnouncements(
            PromptEventStore eventStore,
            RedisConnectionFactory redis,
            @Value("${studybuddy.event-store.announcements.channel:studybuddy:events:appended}") String channel,
            @Value("${studybuddy.event-store.announcements.gather:50ms}") Duration gather) {
        return new AppendAnnouncements(eventStore, redis, channel, gather);
    }
}
