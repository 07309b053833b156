package dev.studybuddy.query.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.studybuddy.query.support.Chats;
import dev.studybuddy.query.support.QuerySideIT;
import dev.studybuddy.query.support.UserAccounts;
import dev.studybuddy.testing.TransactionRaces;
import java.time.Duration;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

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

    @Autowired
    MongoClient mongoClient;

    @Autowired
    MongoProperties mongoProperties;

    @Test
    void aBatchWhosePostgresqlTransactionIsLostIsHandledAgain() throws Exception {
        UUID author = UUID.randomUUID();
        UUID group = UUID.randomUUID();
        Chats.Posted first = chats.post(group, author, "first");
        accounts.awaitProjected(ChatProjection.PROCESSING_GROUP, first.token());

        Chats.Posted second;
        // the group's position row, held: the next batch writes its views, then waits for it as it commits
        try (TransactionRaces.Held held = races().hold(() -> jdbc.queryForList(
                "SELECT * FROM projection_positions WHERE processing_group = ? AND aggregate_id = ? FOR UPDATE",
                ChatProjection.PROCESSING_GROUP,
                group.toString()))) {
            second = chats.post(group, author, "second");
            Integer batch =
                    await().atMost(Duration.ofSeconds(30)).until(() -> blockedBy(held.pid()), pid -> pid != null);

            jdbc.queryForObject("SELECT pg_terminate_backend(?)", Boolean.class, batch); // as a database restart would
        }

        Chats.Posted lastPosted = second;
        await().atMost(Duration.ofSeconds(30)).until(() -> positionOf(group) >= lastPosted.seq());
    }

    /**
     * The token store is left out of the batch's transaction, but not its claim: a node that lost its segment (stalled
     * past the claim timeout, say) while messages keep coming stops within {@code extend-after}, instead of handling
     * every batch beside the node that took it over (Axon ignores the failed store after each commit).
     */
    @Test
    void aNodeThatLostItsSegmentStopsWhileBatchesKeepComing() throws Exception {
        UUID author = UUID.randomUUID();
        UUID group = UUID.randomUUID();
        Chats.Posted first = chats.post(group, author, "first");
        accounts.awaitProjected(ChatProjection.PROCESSING_GROUP, first.token());
        MongoCollection<Document> tokens = mongoClient
                .getDatabase(mongoProperties.getMongoClientDatabase())
                .getCollection("trackingtokens");
        Bson chat = Filters.eq("processorName", ChatProjection.PROCESSING_GROUP);

        // another node took every segment and keeps its claims fresh
        tokens.updateMany(
                chat,
                Updates.combine(
                        Updates.set("owner", "another node"),
                        Updates.set("timestamp", System.currentTimeMillis() + 60_000)));
        try {
            Chats.Posted last = first;
            for (int i = 0; i < 10; i++) {
                last = chats.post(group, author, "while another node holds the segment " + i);
                Thread.sleep(500);
            }
            Thread.sleep(1000);
            assertThat(positionOf(group))
                    .as("not applied by a node without the claim")
                    .isLessThan(last.seq());

            tokens.updateMany(chat, Updates.set("owner", null));
            Chats.Posted lastPosted = last;
            await().atMost(Duration.ofSeconds(30)).until(() -> positionOf(group) >= lastPosted.seq());
        } finally {
            tokens.updateMany(Filters.and(chat, Filters.eq("owner", "another node")), Updates.set("owner", null));
        }
    }

    /** The connection that waits for a lock the holding transaction has: the chat batch, as it commits. */
    private Integer blockedBy(int holder) {
        return jdbc.query(
                "SELECT pid FROM pg_stat_activity WHERE ? = ANY(pg_blocking_pids(pid)) LIMIT 1",
                row -> row.next() ? row.getInt(1) : null,
                holder);
    }

    private TransactionRaces races() {
        return new TransactionRaces(transactions, jdbc);
    }

    private long positionOf(UUID group) {
        return jdbc.queryForObject(
                "SELECT sequence FROM projection_positions WHERE processing_group = ? AND aggregate_id = ?",
                Long.class,
                ChatProjection.PROCESSING_GROUP,
                group.toString());
    }
}
