package dev.studybuddy.query.support;

import dev.studybuddy.platform.consistency.ConsistencyToken;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Appends an aggregate's next events to the shared event store as its command-side aggregate does:
 * domain events of the aggregate's type, numbered consecutively per aggregate, all of one command's
 * events in one append.
 */
final class EventLog {

    private EventLog() {}

    /** @return the token a command response would carry: the last of the appended events */
    static ConsistencyToken append(EventStore eventStore, String type, String aggregateId, Object... payloads) {
        long next = eventStore
                .lastSequenceNumberFor(aggregateId)
                .map(last -> last + 1)
                .orElse(0L);
        List<GenericDomainEventMessage<?>> events = new ArrayList<>();
        for (Object payload : payloads) {
            events.add(new GenericDomainEventMessage<>(type, aggregateId, next + events.size(), payload));
        }
        eventStore.publish(events);
        return new ConsistencyToken(aggregateId, next + events.size() - 1);
    }
}
