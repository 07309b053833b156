package dev.studybuddy.query.support;

import static org.awaitility.Awaitility.await;

import dev.studybuddy.api.user.PlatformRole;
import dev.studybuddy.api.user.PlatformRolesChangedEvent;
import dev.studybuddy.api.user.ProfileChangedEvent;
import dev.studybuddy.api.user.UserDeactivatedEvent;
import dev.studybuddy.api.user.UserRegisteredEvent;
import dev.studybuddy.platform.consistency.ConsistencyToken;
import dev.studybuddy.query.consistency.ConsistencyWait;
import dev.studybuddy.testing.TestTokenIssuer;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.boot.test.context.TestComponent;

/**
 * Writes UserAccount events into the shared event store exactly as command-side's aggregate does
 * (domain events of type "UserAccount", numbered per account), and waits for projections to apply them.
 */
@TestComponent
public class UserAccounts {

    public static final String AGGREGATE_TYPE = "UserAccount";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final EventStore eventStore;
    private final ConsistencyWait consistency;

    UserAccounts(EventStore eventStore, ConsistencyWait consistency) {
        this.eventStore = eventStore;
        this.consistency = consistency;
    }

    /** A user name (3-32 of a-z, 0-9, '_', '.') no other test uses. */
    public static String uniqueUsername(String prefix) {
        return prefix + "_" + SEQUENCE.incrementAndGet() + "_" + Long.toString(System.nanoTime() % 1_000_000, 36);
    }

    public Registered register(String username, String displayName, PlatformRole... roles) {
        return register(UUID.randomUUID(), username, displayName, roles);
    }

    /** As {@link #register(String, String, PlatformRole...)}, with an id of the caller's (a segment's, say). */
    public Registered register(UUID userId, String username, String displayName, PlatformRole... roles) {
        Set<PlatformRole> roleSet = roles.length == 0 ? Set.of(PlatformRole.USER) : Set.of(roles);
        ConsistencyToken token = publish(userId, new UserRegisteredEvent(userId, username, displayName, roleSet));
        return new Registered(userId, token);
    }

    /** A registration stamped {@code at}, whenever it is appended (as a replay's segments may hand them out). */
    public Registered register(UUID userId, String username, String displayName, Instant at) {
        String aggregateId = userId.toString();
        eventStore.publish(new GenericDomainEventMessage<>(
                AGGREGATE_TYPE,
                aggregateId,
                0L,
                new UserRegisteredEvent(userId, username, displayName, Set.of(PlatformRole.USER)),
                MetaData.emptyInstance(),
                UUID.randomUUID().toString(),
                at));
        return new Registered(userId, new ConsistencyToken(aggregateId, 0L));
    }

    /**
     * An access token of a new account registered with {@code roles} (names of {@link PlatformRole}s): a privileged
     * token is good only for an account whose events grant its roles.
     */
    public String tokenOfNew(String... roles) {
        PlatformRole[] held = Arrays.stream(roles).map(PlatformRole::valueOf).toArray(PlatformRole[]::new);
        UUID userId = register(uniqueUsername("staff"), "Staff " + String.join(" ", roles), held)
                .userId();
        return TestTokenIssuer.get().accessToken(userId, roles);
    }

    /** A new account with a unique user name, once the users read model has it (whose id a direct chat may name). */
    public UUID registered(String displayName) {
        Registered account = register(uniqueUsername(displayName.toLowerCase(Locale.ROOT)), displayName);
        awaitProjected("users", account.token());
        return account.userId();
    }

    public ConsistencyToken changeProfile(UUID userId, String displayName, String bio) {
        return publish(userId, new ProfileChangedEvent(userId, displayName, bio));
    }

    public ConsistencyToken changeRoles(UUID userId, Set<PlatformRole> previous, Set<PlatformRole> roles) {
        return publish(userId, new PlatformRolesChangedEvent(userId, previous, roles));
    }

    public ConsistencyToken deactivate(UUID userId) {
        return publish(userId, new UserDeactivatedEvent(userId));
    }

    /** Appends the account's next event and names it as a command response would. */
    public ConsistencyToken publish(UUID userId, Object payload) {
        String aggregateId = userId.toString();
        long sequence = eventStore
                .lastSequenceNumberFor(aggregateId)
                .map(last -> last + 1)
                .orElse(0L);
        eventStore.publish(new GenericDomainEventMessage<>(AGGREGATE_TYPE, aggregateId, sequence, payload));
        return new ConsistencyToken(aggregateId, sequence);
    }

    /** Until a read of the projection sent with {@code token} would not be stale (as {@code ReadYourWrites} waits). */
    public void awaitProjected(String processingGroup, ConsistencyToken token) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> consistency.until(processingGroup, token));
    }

    public record Registered(UUID userId, ConsistencyToken token) {}
}
