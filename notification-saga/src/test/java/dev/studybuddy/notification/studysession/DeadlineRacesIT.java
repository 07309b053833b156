package dev.studybuddy.notification.studysession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studybuddy.notification.NotificationSagaIT;
import dev.studybuddy.notification.recipients.Recipients;
import dev.studybuddy.notification.support.DomainEvents;
import dev.studybuddy.notification.support.Groups;
import dev.studybuddy.notification.support.SagaRows;
import dev.studybuddy.testing.TransactionRaces;
import dev.studybuddy.testing.scenarios.GroupDecisions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A session moved while its end deadline runs on another node: db-scheduler refuses to cancel a running deadline, which
 * must not fail the move's batch; and that deadline, once it runs, must not end the saga of a session that now ends
 * later. Nor may the move's batch fail when another node picks a deadline between db-scheduler's read of it and its
 * delete.
 */
@NotificationSagaIT
class DeadlineRacesIT {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Recipients recipients;

    @Autowired
    DomainEvents events;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    MeterRegistry meters;

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void aSessionMovedWhileItsEndDeadlineRunsIsMovedAndOutlivesThatDeadline() {
        UUID owner = UUID.randomUUID();
        UUID group = Groups.create(events, recipients, owner, Map.of());
        UUID session = UUID.randomUUID();
        Instant startsAt = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        Groups.write(events, group, GroupDecisions.scheduleSession(group, session, owner, "Moved", startsAt, 60));
        await().atMost(Duration.ofSeconds(30)).until(() -> deadlinesOf(session) == 2);
        String end = taskOf(session, StudySessionSaga.OVER);
        jdbc.update(
                "UPDATE scheduled_tasks SET picked = true, picked_by = 'another node', last_heartbeat = now()"
                        + " WHERE task_instance = ?",
                end);
        try {
            movedWhileItsEndRuns(group, session, owner, startsAt, end);
        } finally {
            jdbc.update("DELETE FROM scheduled_tasks WHERE task_instance = ? AND picked_by = 'another node'", end);
        }
    }

    private void movedWhileItsEndRuns(UUID group, UUID session, UUID owner, Instant startsAt, String end) {

        Groups.write(
                events,
                group,
                GroupDecisions.rescheduleSession(group, session, owner, "Moved", startsAt.plusSeconds(3600), 60));

        await().atMost(Duration.ofSeconds(30))
                .alias("the running end deadline, and the moved session's reminder and end")
                .until(() -> deadlinesOf(session) == 3);

        jdbc.update(
                "UPDATE scheduled_tasks SET picked = false, picked_by = NULL, execution_time = now()"
                        + " WHERE task_instance = ?",
                end);
        await().atMost(Duration.ofSeconds(30))
                .alias("the old end deadline has run")
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM scheduled_tasks WHERE task_instance = ?", Long.class, end)
                        == 0);
        assertThat(sagaFor(session))
                .as("the saga of a session that now ends an hour later")
                .isTrue();
        assertThat(deadlinesOf(session)).isEqualTo(2);
    }

    @Test
    void aSessionMovedAsAnotherNodePicksItsReminderIsMovedWithoutAFailedBatch() throws Exception {
        UUID owner = UUID.randomUUID();
        UUID group = Groups.create(events, recipients, owner, Map.of());
        UUID session = UUID.randomUUID();
        Instant startsAt = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        Groups.write(events, group, GroupDecisions.scheduleSession(group, session, owner, "Picked", startsAt, 60));
        await().atMost(Duration.ofSeconds(30)).until(() -> deadlinesOf(session) == 2);
        String reminder = taskOf(session, StudySessionSaga.REMINDER);
        await().atMost(Duration.ofSeconds(60))
                .alias("no failed batch of another test still waits for its retry")
                .until(() -> processing
                        .eventProcessor(StudySessionSaga.PROCESSOR, StreamingEventProcessor.class)
                        .orElseThrow()
                        .processingStatus()
                        .values()
                        .stream()
                        .noneMatch(EventTrackerStatus::isErrorState));
        double failedBefore = failedBatches();
        try {
            try (TransactionRaces.Held picking = new TransactionRaces(transactions, jdbc)
                    .hold(() -> jdbc.update(
                            "UPDATE scheduled_tasks SET picked = true, picked_by = 'another node', last_heartbeat = now(),"
                                    + " version = version + 1 WHERE task_instance = ?",
                            reminder))) {
                Groups.write(
                        events,
                        group,
                        GroupDecisions.rescheduleSession(
                                group, session, owner, "Picked", startsAt.plusSeconds(3600), 60));
                await().atMost(Duration.ofSeconds(30))
                        .alias("the move's cancel waits for the node that picks the reminder")
                        .until(() -> jdbc.queryForObject(
                                        "SELECT count(*) FROM pg_stat_activity WHERE ? = ANY(pg_blocking_pids(pid))",
                                        Long.class,
                                        picking.pid())
                                > 0);
            }

            await().atMost(Duration.ofSeconds(30))
                    .alias("the picked reminder, and the moved session's reminder and end")
                    .until(() -> deadlinesOf(session) == 3);
            assertThat(failedBatches())
                    .as("failed batches of the saga's processor")
                    .isEqualTo(failedBefore);
        } finally {
            jdbc.update("DELETE FROM scheduled_tasks WHERE task_instance = ? AND picked_by = 'another node'", reminder);
        }
    }

    private String taskOf(UUID session, String deadline) {
        return jdbc.queryForObject("""
                SELECT task_instance FROM scheduled_tasks WHERE position(convert_to(?, 'UTF8') in task_data) > 0
                  AND position(convert_to(?, 'UTF8') in task_data) > 0""", String.class, session.toString(), deadline);
    }

    private double failedBatches() {
        Counter failed = meters.find("studybuddy.processor.batches.failed")
                .tag("processor", StudySessionSaga.PROCESSOR)
                .counter();
        return failed == null ? 0 : failed.count();
    }

    private long deadlinesOf(UUID session) {
        return SagaRows.deadlinesNaming(jdbc, session.toString());
    }

    private boolean sagaFor(UUID session) {
        return SagaRows.sagaAssociatedWith(jdbc, session.toString());
    }
}
