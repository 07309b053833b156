package dev.studybuddy.query.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studybuddy.query.support.Chats;
import dev.studybuddy.query.support.QuerySideIT;
import dev.studybuddy.query.support.UserAccounts;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The chat processor's token lives in MongoDB, outside the PostgreSQL transaction that holds its batch's positions and
 * dead letters: a batch whose PostgreSQL work fails once its views are written is handled again, not skipped.
 */
@QuerySideIT
class ChatTokenIT {

    @Autowired
    Chats chats;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aBatchWhosePostgresqlTransactionIsLostIsHandledAgain() throws Exception {
        UUID author = UUID.randomUUID();
        UUID group = UUID.randomUUID();
        Chats.Posted first = chats.post(group, author, "first");
        accounts.awaitProjected(ChatProjection.PROCESSING_GROUP, first.token());

        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService holder = Executors.newSingleThreadExecutor();
        try {
            // the group's position row, held: the next batch writes its views, then waits for it as it commits
            Future<?> holding =
                    holder.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
                        jdbc.queryForList(
                                "SELECT * FROM projection_positions WHERE processing_group = ? AND aggregate_id = ? FOR UPDATE",
                                ChatProjection.PROCESSING_GROUP,
                                group.toString());
                        held.countDown();
                        awaitQuietly(release);
                    }));
            assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
            Chats.Posted second = chats.post(group, author, "second");
            Integer batch =
                    await().atMost(Duration.ofSeconds(30)).until(this::waitingForTheHeldRow, pid -> pid != null);

            jdbc.queryForObject("SELECT pg_terminate_backend(?)", Boolean.class, batch); // as a database restart would
            release.countDown();
            holding.get(30, TimeUnit.SECONDS);

            await().atMost(Duration.ofSeconds(30)).until(() -> positionOf(group) >= second.seq());
        } finally {
            release.countDown();
            holder.shutdownNow();
        }
    }

    private Integer waitingForTheHeldRow() {
        return jdbc.query("""
                SELECT pid FROM pg_stat_activity
                WHERE wait_event_type = 'Lock' AND datname = current_database() AND query LIKE '%projection_positions%'
                LIMIT 1""", row -> row.next() ? row.getInt(1) : null);
    }

    private long positionOf(UUID group) {
        return jdbc.queryForObject(
                "SELECT sequence FROM projection_positions WHERE processing_group = ? AND aggregate_id = ?",
                Long.class,
                ChatProjection.PROCESSING_GROUP,
                group.toString());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
