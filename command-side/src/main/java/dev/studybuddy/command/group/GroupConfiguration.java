package dev.studybuddy.command.group;

import dev.studybuddy.command.config.AggregateCache;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Groups collect long streams (every chat message is an event), so they are snapshotted and cached. */
@Configuration
class GroupConfiguration {

    static final String SNAPSHOT_TRIGGER = "groupSnapshotTrigger";
    static final String CACHE = "groupCache";

    @Bean(SNAPSHOT_TRIGGER)
    SnapshotTriggerDefinition groupSnapshotTrigger(
            Snapshotter snapshotter, @Value("${studybuddy.groups.snapshot-every:500}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    @Bean(CACHE)
    Cache groupCache(@Value("${studybuddy.groups.cache-size:1000}") int size) {
        return AggregateCache.bounded(size);
    }
}
