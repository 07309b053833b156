package dev.studybuddy.query.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studybuddy.api.user.AvatarChangedEvent;
import dev.studybuddy.api.user.AvatarRemovedEvent;
import dev.studybuddy.api.user.EmailVerifiedEvent;
import dev.studybuddy.api.user.PlatformRole;
import dev.studybuddy.api.user.UserProfile;
import dev.studybuddy.api.user.UserReactivatedEvent;
import dev.studybuddy.platform.consistency.ConsistencyToken;
import dev.studybuddy.query.consistency.ProjectionPositions;
import dev.studybuddy.query.support.QuerySideIT;
import dev.studybuddy.query.support.UserAccounts;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@QuerySideIT
class UsersProjectionIT {

    @Autowired
    UserAccounts accounts;

    @Autowired
    UserProfiles profiles;

    @Autowired
    EventStore eventStore;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    TransactionManager transactionManager;

    @Autowired
    ProjectionPositions positions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aNameAnErasureFreedGoesToItsNextHolderBeforeTheErasureReachesTheFirst() {
        String username = UserAccounts.uniqueUsername("reused");
        UserAccounts.Registered firstOne = accounts.register(username, "First holder");
        UUID first = firstOne.userId();
        // the command side freed the name when it erased the first holder; that event has not been handled here yet
        UserAccounts.Registered next = accounts.register(username, "Next holder");

        accounts.awaitProjected(UsersProjection.PROCESSING_GROUP, firstOne.token());
        accounts.awaitProjected(UsersProjection.PROCESSING_GROUP, next.token());

        assertThat(find(next.userId()).map(UserProfile::username)).contains(username);
        assertThat(usernameOf(first)).isNull();
    }

    @Test
    void theLaterRegistrationKeepsTheNameWhicheverIsHandledFirst() {
        String username = UserAccounts.uniqueUsername("either");
        UUID earlier = UUID.randomUUID();
        UUID later = UUID.randomUUID();
        Instant registered = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        // as a replay whose segments run apart may: the later registration handled before the earlier one
        UserAccounts.Registered laterOne = accounts.register(later, username, "Later", registered.plusSeconds(1));
        UserAccounts.Registered earlierOne = accounts.register(earlier, username, "Earlier", registered);

        accounts.awaitProjected(UsersProjection.PROCESSING_GROUP, laterOne.token());
        accounts.awaitProjected(UsersProjection.PROCESSING_GROUP, earlierOne.token());

        assertThat(usernameOf(later)).isEqualTo(username);
        assertThat(usernameOf(earlier)).isNull();
    }

    private String usernameOf(UUID userId) {
        return jdbc.queryForObject("SELECT username FROM users WHERE user_id = ?", String.class, userId);
    }

    @Test
    void buildsTheProfileFromTheFourUserAccountEvents() {
        String username = UserAccounts.uniqueUsername("ada");
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        UUID id = accounts.register(username, "Ada L.").userId();
        accounts.changeProfile(id, "Ada Lovelace", "Analytical engines");
        accounts.changeRoles(id, Set.of(PlatformRole.USER), Set.of(PlatformRole.USER, PlatformRole.MODERATOR));
        ConsistencyToken last = accounts.deactivate(id);

        accounts.awaitProjected(UsersProjection.PROCESSING_GROUP, last);

        UserProfile profile = find(id).orElseThrow();
        assertThat(profile.userId()).isEqualTo(id);
        assertThat(profile.username()).isEqualTo(username);
        assertThat(profile.displayName()).isEqualTo("Ada Lovelace");
        assertThat(profile.bio()).isEqualTo("Analytical engines");
        assertThat(profile.avatarFileId()).isNull();
        assertThat(profile.roles()).containsExactlyInAnyOrder(PlatformRole.USER, PlatformRole.MODERATOR);
        assertThat(profile.active()).isFalse();
        Instant registeredAt = registrationEventOf(id).getTimestamp();
        assertThat(profile.registeredAt()).isEqualTo(registeredAt).isBetween(before, Instant.now());
        assertThat(positions.sequence(UsersProjection.PROCESSING_GROUP, id.toString()))
                .isEqualTo(3);
    }

    @Test
    void anAvatarFollowsItsChangesAndRemoval() {
        UUID id = accounts.register(UserAccounts.uniqueUsername("hedy"), "Hedy").userId();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        accounts.awaitProjected(
                UsersProjection.PROCESSING_GROUP, accounts.publish(id, new AvatarChangedEvent(id, first)));
        assertThat(find(id).orElseThrow().avatarFileId()).isEqualTo(first);
        accounts.publish(id, new AvatarChangedEvent(id, second));
        accounts.awaitProjected(
                UsersProjection.PROCESSING_GROUP, accounts.publish(id, new AvatarRemovedEvent(id, second)));
        assertThat(find(id).orElseThrow().avatarFileId()).isNull();
    }

    @Test
    void aReactivatedAccountIsActiveAgain() {
        UUID id = accounts.register(UserAccounts.uniqueUsername("lise"), "Lise").userId();
        accounts.awaitProjected(UsersProjection.PROCESSING_GROUP, accounts.deactivate(id));
        assertThat(find(id).orElseThrow().active()).isFalse();

        accounts.awaitProjected(UsersProjection.PROCESSING_GROUP, accounts.publish(id, new UserReactivatedEvent(id)));
        assertThat(find(id).orElseThrow().active()).isTrue();
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        UUID id =
                accounts.register(UserAccounts.uniqueUsername("grace"), "Grace").userId();
        accounts.changeProfile(id, "Grace H.", "first bio");
        accounts.awaitProjected(UsersProjection.PROCESSING_GROUP, accounts.changeProfile(id, "Grace Hopper", "COBOL"));
        Map<String, Object> row = row(id);
        List<? extends DomainEventMessage<?>> history =
                eventStore.readEvents(id.toString()).asStream().toList();
        AbstractEventProcessor processor = processing
                .eventProcessor(UsersProjection.PROCESSING_GROUP, AbstractEventProcessor.class)
                .orElseThrow();

        // Delivered as the processor delivers: its interceptors, then its handlers, in one transaction.
        deliver(history.get(0), processor, processor.getHandlerInterceptors());
        deliver(history.get(1), processor, processor.getHandlerInterceptors());

        assertThat(row(id)).isEqualTo(row);
        assertThat(find(id).orElseThrow().displayName()).isEqualTo("Grace Hopper");

        // The same redelivery without the guard would have rolled the profile back; restore it after.
        deliver(history.get(1), processor, List.of());
        assertThat(find(id).orElseThrow().displayName()).isEqualTo("Grace H.");
        deliver(history.get(2), processor, List.of());
        assertThat(row(id)).isEqualTo(row);
    }

    @Test
    void aReplayRebuildsTheSameTable() {
        UUID first = accounts.register(UserAccounts.uniqueUsername("replay"), "Replay One")
                .userId();
        accounts.awaitProjected(UsersProjection.PROCESSING_GROUP, accounts.changeProfile(first, "Replay Uno", "bio"));
        accounts.awaitProjected(
                UsersProjection.PROCESSING_GROUP, accounts.publish(first, new EmailVerifiedEvent(first)));
        UUID second = accounts.register(
                        UserAccounts.uniqueUsername("replay"), "Replay Two", PlatformRole.USER, PlatformRole.AUDITOR)
                .userId();
        accounts.awaitProjected(UsersProjection.PROCESSING_GROUP, accounts.deactivate(second));
        StreamingEventProcessor processor = processing
                .eventProcessor(UsersProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow();
        await().atMost(Duration.ofSeconds(30)).until(() -> caughtUp(processor));
        List<Map<String, Object>> users = allUsers();
        List<Map<String, Object>> projectionPositions = allPositions();
        assertThat(users).extracting(user -> user.get("user_id")).contains(first, second);

        processor.shutDown();
        try {
            processor.resetTokens();
            assertThat(allUsers()).isEmpty();
            assertThat(allPositions()).isEmpty();
        } finally {
            processor.start();
        }

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    assertThat(allUsers()).isEqualTo(users);
                    assertThat(allPositions()).isEqualTo(projectionPositions);
                });
    }

    private void deliver(
            EventMessage<?> event,
            AbstractEventProcessor processor,
            List<MessageHandlerInterceptor<? super EventMessage<?>>> interceptors) {
        DefaultUnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(event);
        unitOfWork.attachTransaction(transactionManager);
        ResultMessage<Object> result =
                unitOfWork.executeWithResult(() -> new DefaultInterceptorChain<>(unitOfWork, interceptors, message -> {
                            processor.eventHandlerInvoker().handle(message, Segment.ROOT_SEGMENT);
                            return null;
                        })
                        .proceed());
        assertThat(result.isExceptional())
                .as(String.valueOf(result.optionalExceptionResult()))
                .isFalse();
    }

    private static boolean caughtUp(StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        return !status.isEmpty() && status.values().stream().allMatch(EventTrackerStatus::isCaughtUp);
    }

    private Optional<UserProfile> find(UUID id) {
        return profiles.find(id);
    }

    private DomainEventMessage<?> registrationEventOf(UUID id) {
        return eventStore.readEvents(id.toString()).asStream().findFirst().orElseThrow();
    }

    private Map<String, Object> row(UUID id) {
        return jdbc.queryForMap("SELECT * FROM users WHERE user_id = ?", id);
    }

    private List<Map<String, Object>> allUsers() {
        return jdbc.queryForList("SELECT * FROM users ORDER BY user_id");
    }

    private List<Map<String, Object>> allPositions() {
        return jdbc.queryForList(
                "SELECT * FROM projection_positions WHERE processing_group = ? ORDER BY aggregate_id",
                UsersProjection.PROCESSING_GROUP);
    }
}
