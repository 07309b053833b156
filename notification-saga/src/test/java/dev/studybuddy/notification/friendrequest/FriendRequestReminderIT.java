package dev.studybuddy.notification.friendrequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studybuddy.api.friendship.FriendRequestAcceptedEvent;
import dev.studybuddy.api.friendship.FriendRequestSentEvent;
import dev.studybuddy.api.friendship.FriendshipId;
import dev.studybuddy.notification.NotificationSagaIT;
import dev.studybuddy.notification.support.DomainEvents;
import dev.studybuddy.notification.support.LogQueries;
import dev.studybuddy.notification.support.SagaRows;
import dev.studybuddy.platform.deadletter.DeadLetters;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A friend request's reminder really fires through db-scheduler in the running service: the saga stores the
 * deadline (payload and saga scope as JSON in scheduled_tasks), db-scheduler picks it when due, Axon loads the
 * saga and runs its deadline handler, and the reminder is delivered.
 * <p>
 * The service keeps its real 3-day delay: the test brings the one deadline's execution time forward in
 * db-scheduler's table instead of shortening {@code reminder-after} for the shared context, where every other
 * test's friend request would then be reminded (and mailed) in the middle of its assertions.
 */
@NotificationSagaIT
class FriendRequestReminderIT {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DomainEvents events;

    @Autowired
    LogQueries log;

    @Autowired
    DeadLetters deadLetters;

    @Test
    void theReminderDeadlineFiresAndTheAddresseeIsReminded() {
        UUID requester = UUID.randomUUID();
        UUID addressee = UUID.randomUUID();
        String friendship = FriendshipId.of(requester, addressee);

        events.publish(
                DomainEvents.FRIENDSHIP, friendship, new FriendRequestSentEvent(friendship, requester, addressee));

        await().atMost(Duration.ofSeconds(60)).until(() -> deadlinesOf(friendship) == 1);
        assertThat(log.rowsOf(addressee)).extracting(row -> row.get("type")).containsExactly("friend-request.received");
        assertThat(jdbc.queryForObject("""
                SELECT execution_time > now() + interval '2 days' FROM scheduled_tasks
                WHERE position(convert_to(?, 'UTF8') in task_data) > 0""", Boolean.class, friendship))
                .as("due after reminder-after")
                .isTrue();

        jdbc.update(
                "UPDATE scheduled_tasks SET execution_time = now() WHERE position(convert_to(?, 'UTF8') in task_data) > 0",
                friendship);

        await().atMost(Duration.ofSeconds(60))
                .until(() -> log.rowsOf(addressee).stream()
                        .anyMatch(row -> "friend-request.reminder".equals(row.get("type"))
                                && "DELIVERED".equals(row.get("status"))));
        List<Map<String, Object>> reminders = log.rowsOf(addressee).stream()
                .filter(row -> "friend-request.reminder".equals(row.get("type")))
                .toList();
        assertThat(reminders).hasSize(1);
        assertThat(reminders.get(0).get("source_event_id").toString()).startsWith(FriendRequestSaga.REMINDER + ":");
        assertThat(reminders.get(0).get("payload")).asString().contains(requester.toString());
        assertThat(deadlinesOf(friendship))
                .as("db-scheduler completed the one-off task")
                .isZero();
    }

    /** An acceptance that could not be told is parked; its saga waits for the retry, and reminds nobody meanwhile. */
    @Test
    void anAcceptanceParkedBeforeItWasToldStopsTheReminder() {
        UUID requester = UUID.randomUUID();
        UUID addressee = UUID.randomUUID();
        String friendship = FriendshipId.of(requester, addressee);
        events.publish(
                DomainEvents.FRIENDSHIP, friendship, new FriendRequestSentEvent(friendship, requester, addressee));
        await().atMost(Duration.ofSeconds(60)).until(() -> deadlinesOf(friendship) == 1);

        // no requester to tell: the notice cannot be written, and the event is parked
        events.publish(
                DomainEvents.FRIENDSHIP, friendship, new FriendRequestAcceptedEvent(friendship, null, addressee));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> deadLetters.list(FriendRequestSaga.PROCESSOR).orElseThrow().stream()
                        .anyMatch(letter -> letter.sequence().equals(friendship)));

        jdbc.update(
                "UPDATE scheduled_tasks SET execution_time = now() WHERE position(convert_to(?, 'UTF8') in task_data) > 0",
                friendship);
        await().atMost(Duration.ofSeconds(60)).until(() -> deadlinesOf(friendship) == 0);
        assertThat(log.rowsOf(addressee)).extracting(row -> row.get("type")).containsExactly("friend-request.received");
    }

    private long deadlinesOf(String friendshipId) {
        return SagaRows.deadlinesNaming(jdbc, friendshipId);
    }
}
