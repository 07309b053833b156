package dev.studybuddy.command.user;

import dev.studybuddy.api.user.PlatformRole;
import dev.studybuddy.api.user.UserDeactivatedEvent;
import dev.studybuddy.api.user.UserRegisteredEvent;
import java.util.Set;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;

/**
 * A real {@link UserDirectory} for fixture tests of other aggregates: it loads UserAccount aggregates
 * from an in-memory event store holding only the accounts a test declares.
 */
public final class TestUserDirectory {

    private final EventStore events = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine())
            .build();
    private final UserDirectory directory = new UserDirectory(EventSourcingRepository.builder(UserAccount.class)
            .eventStore(events)
            .build());

    /** Registers open accounts. */
    public TestUserDirectory active(UUID... userIds) {
        for (UUID userId : userIds) {
            append(
                    userId,
                    0,
                    new UserRegisteredEvent(
                            userId, "user" + userId.toString().substring(0, 8), "User", Set.of(PlatformRole.USER)));
        }
        return this;
    }

    /** Registers accounts and deactivates them. */
    public TestUserDirectory deactivated(UUID... userIds) {
        for (UUID userId : userIds) {
            active(userId);
            append(userId, 1, new UserDeactivatedEvent(userId));
        }
        return this;
    }

    public UserDirectory directory() {
        return directory;
    }

    private void append(UUID userId, long sequence, Object payload) {
        events.publish(new GenericDomainEventMessage<>("UserAccount", userId.toString(), sequence, payload));
    }
}
