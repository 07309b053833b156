package dev.studybuddy.command.friendship;

import dev.studybuddy.command.config.AggregateCache;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A pair's stream grows with its direct messages (one event each), so friendships are snapshotted and cached. */
@Configuration
class FriendshipConfiguration {

    static final String SNAPSHOT_TRIGGER = "friendshipSnapshotTrigger";
    static final String CACHE = "friendshipCache";

    @Bean(SNAPSHOT_TRIGGER)
    SnapshotTriggerDefinition friendshipSnapshotTrigger(
            Snapshotter snapshotter, @Value("${studybuddy.friendships.snapshot-every:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    @Bean(CACHE)
    Cache friendshipCache(@Value("${studybuddy.friendships.cache-size:1000}") int size) {
        return AggregateCache.bounded(size);
    }
}
