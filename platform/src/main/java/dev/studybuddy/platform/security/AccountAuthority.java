package dev.studybuddy.platform.security;

import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * The authoritative answer to "which roles, which security stamp, still open?": the UserAccount's own event
 * stream, read from the event store every service shares (not a projection, which may lag or stall). An
 * account's stream is short; it is read when a node first meets a user, and for every privileged request.
 */
public class AccountAuthority {

    private final EventStore eventStore;

    public AccountAuthority(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** @throws RuntimeException when the event store cannot be read */
    public AccountSecurity read(UUID userId) {
        DomainEventStream stream = eventStore.readEvents(userId.toString(), 0);
        try (Stream<? extends DomainEventMessage<?>> events = stream.asStream()) {
            return AccountSecurity.of(events);
        }
    }
}
