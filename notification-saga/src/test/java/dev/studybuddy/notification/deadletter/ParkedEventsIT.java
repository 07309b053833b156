package dev.studybuddy.notification.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studybuddy.api.friendship.DirectMessageSentEvent;
import dev.studybuddy.api.friendship.FriendshipId;
import dev.studybuddy.api.group.GroupCreatedEvent;
import dev.studybuddy.api.group.GroupVisibility;
import dev.studybuddy.api.group.JoinPolicy;
import dev.studybuddy.api.group.StudySessionCancelledEvent;
import dev.studybuddy.api.group.StudySessionRescheduledEvent;
import dev.studybuddy.api.group.StudySessionScheduledEvent;
import dev.studybuddy.api.membership.NotificationLevel;
import dev.studybuddy.notification.NotificationSagaIT;
import dev.studybuddy.notification.recipients.Recipients;
import dev.studybuddy.notification.recipients.RecipientsProjection;
import dev.studybuddy.notification.studysession.StudySessionSaga;
import dev.studybuddy.notification.support.DomainEvents;
import dev.studybuddy.notification.support.Groups;
import dev.studybuddy.notification.support.LogQueries;
import dev.studybuddy.notification.support.SagaRows;
import dev.studybuddy.platform.deadletter.DeadLetters;
import dev.studybuddy.platform.deadletter.ParkedEvent;
import dev.studybuddy.testing.scenarios.GroupDecisions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The poisons of issue 13, appended straight to the store past every validation: a group name with a NUL
 * (PostgreSQL refuses it in any text column) and a study session in the year +999999 (beyond what a
 * timestamp column holds). Each is parked in its processor's dead-letter queue, with what follows it for
 * the same group, while other groups flow on. What is not poison is the Group aggregate's own events
 * (test-support's GroupDecisions).
 */
@NotificationSagaIT
class ParkedEventsIT {

    @Autowired
    Recipients recipients;

    @Autowired
    DeadLetters deadLetters;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DomainEvents events;

    @Autowired
    LogQueries log;

    @Test
    void aGroupNameWithANulIsParkedAndTheRecipientsProjectionGoesOn() {
        UUID owner = UUID.randomUUID();
        UUID poisoned = UUID.randomUUID();
        events.publish(
                DomainEvents.GROUP,
                poisoned.toString(),
                new GroupCreatedEvent(
                        poisoned, owner, "nul\u0000name", "", GroupVisibility.PUBLIC, JoinPolicy.OPEN, 10));
        Groups.write(
                events,
                poisoned,
                GroupDecisions.changeDetails(
                        poisoned, "Renamed", "", GroupVisibility.PUBLIC, JoinPolicy.OPEN, 10, owner));
        UUID healthy = UUID.randomUUID();
        Groups.write(
                events,
                healthy,
                GroupDecisions.create(healthy, owner, "Healthy", "", GroupVisibility.PUBLIC, JoinPolicy.OPEN, 10));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> recipients.groupName(healthy).isPresent());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> lettersOf(RecipientsProjection.PROCESSING_GROUP, poisoned)
                                .size()
                        == 2);
        List<ParkedEvent> letters = lettersOf(RecipientsProjection.PROCESSING_GROUP, poisoned);
        assertThat(letters.get(0).payloadType()).isEqualTo(GroupCreatedEvent.class.getName());
        assertThat(letters.get(0).cause()).isNotBlank();
        assertThat(letters.get(1).cause()).as("parked behind the first").isNull();
        assertThat(recipients.groupName(poisoned)).isEqualTo(Optional.empty());
        assertThat(deadLetters.count(RecipientsProjection.PROCESSING_GROUP)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aSessionBeyondAnyCalendarIsParkedAndOtherSessionsAreScheduled() {
        UUID owner = UUID.randomUUID();
        UUID poisonedGroup = UUID.randomUUID();
        UUID farSession = UUID.randomUUID();
        events.publish(
                DomainEvents.GROUP,
                poisonedGroup.toString(),
                new StudySessionScheduledEvent(
                        poisonedGroup, farSession, owner, "Far", Instant.parse("+999999-01-01T00:00:00Z"), 60));
        UUID healthyGroup = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        Groups.write(
                events,
                healthyGroup,
                GroupDecisions.scheduleSession(
                        healthyGroup, session, owner, "Soon", Instant.now().plus(Duration.ofDays(1)), 60));

        await().atMost(Duration.ofSeconds(30)).until(() -> sagaFor(session));
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        lettersOf(StudySessionSaga.PROCESSOR, poisonedGroup).size() == 1);
        assertThat(lettersOf(StudySessionSaga.PROCESSOR, poisonedGroup).get(0).payloadType())
                .isEqualTo(StudySessionScheduledEvent.class.getName());
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM scheduled_tasks WHERE position(convert_to(?, 'UTF8') in task_data) > 0",
                        Long.class,
                        farSession.toString()))
                .as("no deadline was written for it")
                .isZero();
        assertThat(sagaFor(farSession))
                .as("nor a saga that nothing would end; the letter's retry starts one")
                .isFalse();
    }

    /**
     * A NUL reaches the notification's payload (PostgreSQL's jsonb refuses it) inside the notification writer: the
     * event is parked as any other, and what the writer failed at does not take the batch down with it.
     */
    @Test
    void aDirectMessageWithANulIsParkedByTheNotifierAndTheNextIsNotified() {
        UUID sender = UUID.randomUUID();
        UUID poisonedRecipient = UUID.randomUUID();
        String poisonedPair = FriendshipId.of(sender, poisonedRecipient);
        events.publish(
                DomainEvents.FRIENDSHIP,
                poisonedPair,
                new DirectMessageSentEvent(
                        poisonedPair, UUID.randomUUID(), sender, poisonedRecipient, "nul\u0000body", null, List.of()));
        UUID healthyRecipient = UUID.randomUUID();
        String healthyPair = FriendshipId.of(sender, healthyRecipient);
        events.publish(
                DomainEvents.FRIENDSHIP,
                healthyPair,
                new DirectMessageSentEvent(
                        healthyPair, UUID.randomUUID(), sender, healthyRecipient, "fine", null, List.of()));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> !log.rowsOf(healthyRecipient).isEmpty());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> lettersOf(RecipientsProjection.PROCESSING_GROUP, poisonedPair)
                                .size()
                        == 1);
        assertThat(lettersOf(RecipientsProjection.PROCESSING_GROUP, poisonedPair)
                        .get(0)
                        .payloadType())
                .isEqualTo(DirectMessageSentEvent.class.getName());
        assertThat(log.rowsOf(poisonedRecipient)).isEmpty();
    }

    /** A parked reschedule leaves the session as it was: its deadlines, and a saga that still ends with it. */
    @Test
    void aRescheduleBeyondAnyCalendarIsParkedAndTheSessionKeepsItsDeadlines() {
        UUID owner = UUID.randomUUID();
        UUID group = Groups.create(events, recipients, owner, Map.of());
        UUID session = UUID.randomUUID();
        Groups.write(
                events,
                group,
                GroupDecisions.scheduleSession(
                        group, session, owner, "Soon", Instant.now().plus(Duration.ofDays(1)), 60));
        await().atMost(Duration.ofSeconds(30)).until(() -> deadlinesOf(session) == 2);

        events.publish(
                DomainEvents.GROUP,
                group.toString(),
                new StudySessionRescheduledEvent(
                        group, session, "Far", Instant.parse("+999999-01-01T00:00:00Z"), 60, owner));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> lettersOf(StudySessionSaga.PROCESSOR, group).size() == 1);
        assertThat(deadlinesOf(session))
                .as("the reminder and the end, as before")
                .isEqualTo(2);
    }

    /** A cancellation whose notice fails is parked, and its saga waits for the retry instead of ending. */
    @Test
    void aCancellationThatCannotBeToldIsParkedAndItsSagaStays() {
        UUID owner = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        UUID group = Groups.create(events, recipients, owner, Map.of(member, NotificationLevel.ALL));
        UUID session = UUID.randomUUID();
        events.publish(
                DomainEvents.GROUP,
                group.toString(),
                new StudySessionScheduledEvent(
                        group, session, owner, "nul\u0000title", Instant.now().plus(Duration.ofDays(1)), 60));
        await().atMost(Duration.ofSeconds(30)).until(() -> sagaFor(session));

        events.publish(DomainEvents.GROUP, group.toString(), new StudySessionCancelledEvent(group, session, owner));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> lettersOf(StudySessionSaga.PROCESSOR, group).size() == 1);
        assertThat(lettersOf(StudySessionSaga.PROCESSOR, group).get(0).payloadType())
                .isEqualTo(StudySessionCancelledEvent.class.getName());
        assertThat(sagaFor(session))
                .as("the saga a retry will hand the cancellation to")
                .isTrue();
        assertThat(deadlinesOf(session)).isEqualTo(2);
    }

    private long deadlinesOf(UUID session) {
        return SagaRows.deadlinesNaming(jdbc, session.toString());
    }

    private boolean sagaFor(UUID session) {
        return SagaRows.sagaAssociatedWith(jdbc, session.toString());
    }

    private List<ParkedEvent> lettersOf(String processingGroup, UUID groupId) {
        return lettersOf(processingGroup, groupId.toString());
    }

    private List<ParkedEvent> lettersOf(String processingGroup, String sequence) {
        return deadLetters.list(processingGroup).orElseThrow().stream()
                .filter(letter -> letter.sequence().equals(sequence))
                .toList();
    }
}
