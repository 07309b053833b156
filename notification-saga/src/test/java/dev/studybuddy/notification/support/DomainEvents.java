package dev.studybuddy.notification.support;

import static org.awaitility.Awaitility.await;

import dev.studybuddy.api.user.PlatformRole;
import dev.studybuddy.api.user.UserRegisteredEvent;
import dev.studybuddy.testing.TestTokenIssuer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;

/**
 * Appends events to the shared event store exactly as command-side's aggregates do (domain events of type
 * "Friendship", "Group" or "UserAccount", numbered per aggregate). The first waits until this service's
 * processors have claimed their segments: the saga processor's first token is the head, so an event appended
 * before would never be seen; later a processor that lost its claim (a test's outage) resumes from its token.
 * A bean of every IT's context ({@code NotificationSagaIT}).
 */
public final class DomainEvents {

    public static final String FRIENDSHIP = "Friendship";
    public static final String GROUP = "Group";
    public static final String USER_ACCOUNT = "UserAccount";

    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;
    private volatile boolean started;

    public DomainEvents(EventStore eventStore, EventProcessingConfiguration processing) {
        this.eventStore = eventStore;
        this.processing = processing;
    }

    /** Appends the aggregate's next event; answers the event's identifier. */
    public String publish(String aggregateType, String aggregateId, Object payload) {
        return publish(aggregateType, aggregateId, payload, Map.of());
    }

    /** As {@link #publish(String, String, Object)}, with the metadata a command would have passed on. */
    public String publish(String aggregateType, String aggregateId, Object payload, Map<String, ?> metaData) {
        if (!started) {
            await().atMost(Duration.ofSeconds(30)).until(this::everySegmentClaimed);
            started = true;
        }
        long sequence = eventStore
                .lastSequenceNumberFor(aggregateId)
                .map(last -> last + 1)
                .orElse(0L);
        GenericDomainEventMessage<Object> event =
                new GenericDomainEventMessage<>(aggregateType, aggregateId, sequence, payload, MetaData.from(metaData));
        eventStore.publish(event);
        return event.getIdentifier();
    }

    /**
     * An access token of a new account registered with {@code roles} (names of {@code PlatformRole}s): a privileged
     * token is good only for an account whose events grant its roles.
     */
    public String tokenOfNewAccount(String... roles) {
        UUID userId = UUID.randomUUID();
        String name = "staff_" + userId.toString().substring(0, 8);
        publish(
                USER_ACCOUNT,
                userId.toString(),
                new UserRegisteredEvent(
                        userId,
                        name,
                        "Staff " + name,
                        Arrays.stream(roles).map(PlatformRole::valueOf).collect(Collectors.toSet())));
        return TestTokenIssuer.get().accessToken(userId, roles);
    }

    private boolean everySegmentClaimed() {
        return processing.eventProcessors().values().stream()
                .allMatch(processor -> !(processor instanceof PooledStreamingEventProcessor pooled)
                        || !pooled.processingStatus().isEmpty());
    }
}
