package dev.studybuddy.query.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studybuddy.api.group.GroupMessageEditedEvent;
import dev.studybuddy.api.user.UserErasedEvent;
import dev.studybuddy.query.realtime.Conversations;
import dev.studybuddy.query.support.QuerySideIT;
import dev.studybuddy.testing.TransactionRaces;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A batch that edits an author's message while another segment handles the author's erasure: the two take the texts'
 * lock in one order, so neither waits for the other in a circle (the batch held the message's row while it waited for
 * the lock, and the erasure held the lock while it waited for the row: PostgreSQL failed one of them).
 */
@QuerySideIT
class SearchErasureRaceIT {

    @Autowired
    MessageSearchProjection projection;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anEditInABatchAndTheAuthorsErasureWaitForEachOtherWithoutADeadlock() throws Exception {
        UUID author = UUID.randomUUID();
        UUID groupId = UUID.randomUUID();
        UUID messageId = UUID.randomUUID();
        jdbc.update(
                "INSERT INTO message_search (message_id, conversation_id, seq, sender_id, group_id, body, posted_at)"
                        + " VALUES (?, ?, 0, ?, ?, 'before the edit', ?)",
                messageId,
                Conversations.group(groupId),
                author,
                groupId,
                Timestamp.from(Instant.now()));
        AtomicReference<UnitOfWork<?>> batch = new AtomicReference<>();

        new TransactionRaces(transactions, jdbc)
                .requestWhileATransactionHolds(
                        // a batch's handler edits the message; the batch looks for erased authors as it commits
                        () -> {
                            batch.set(DefaultUnitOfWork.startAndGet(null));
                            projection.on(
                                    new GroupMessageEditedEvent(groupId, messageId, "edited by its author"),
                                    Instant.now());
                        },
                        () -> batch.get().commit(),
                        () -> new TransactionTemplate(transactions).execute(status -> {
                            projection.on(new UserErasedEvent(author));
                            return null;
                        }));

        assertThat(jdbc.queryForObject("SELECT count(*) FROM message_search WHERE sender_id = ?", Long.class, author))
                .as("the erasure took the edited text away after the batch committed")
                .isZero();
    }
}
