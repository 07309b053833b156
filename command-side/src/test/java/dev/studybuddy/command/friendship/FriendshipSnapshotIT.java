package dev.studybuddy.command.friendship;

import static dev.studybuddy.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import dev.studybuddy.api.friendship.FriendshipId;
import dev.studybuddy.command.support.Accounts;
import dev.studybuddy.command.support.Accounts.SignedInUser;
import dev.studybuddy.command.support.CommandSideIT;
import dev.studybuddy.platform.consistency.ConsistencyToken;
import dev.studybuddy.platform.consistency.ConsistencyTokens;
import dev.studybuddy.testing.ApiClient;
import java.time.Duration;
import java.util.Map;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A long pair stream is snapshotted, and a pair loaded from its snapshot still knows its conversation: who wrote
 * which message, which is pinned, who reacted with what.
 */
@CommandSideIT
class FriendshipSnapshotIT {

    @Autowired
    ConsistencyTokens consistencyTokens;

    @LocalServerPort
    int port;

    @Autowired
    MongoClient mongoClient;

    @Value("${spring.data.mongodb.database}")
    String database;

    @Autowired
    @Qualifier(FriendshipConfiguration.CACHE)
    Cache friendshipCache;

    @Test
    void aPairRestoredFromItsSnapshotDecidesAsBefore() {
        SignedInUser ann = Accounts.signedIn(port, "snapann");
        SignedInUser ben = Accounts.signedIn(port, "snapben");
        ann.api().post("/api/friends/requests", Map.of("userId", ben.id().toString()));
        assertThat(ben.api()
                        .post("/api/friends/requests/" + ann.id() + "/accept", null)
                        .status())
                .isEqualTo(204);
        String toBen = "/api/direct/" + ben.id() + "/messages/";
        String toAnn = "/api/direct/" + ann.id() + "/messages/";
        String pinned = send(ann, ben, "Formula sheet attached");
        assertThat(ben.api().post(toAnn + pinned + "/pin", null).status()).isEqualTo(204);
        assertThat(ben.api().put(toAnn + pinned + "/reactions/:thumbsup:", null).status())
                .isEqualTo(204);
        String latest = null;
        for (int i = 0; i < 105; i++) {
            latest = send(ann, ben, "message " + i);
        }
        String pair = FriendshipId.of(ann.id(), ben.id());
        await().atMost(Duration.ofSeconds(20))
                .until(() -> mongoClient
                                .getDatabase(database)
                                .getCollection("snapshotevents")
                                .countDocuments(Filters.eq("aggregateIdentifier", pair))
                        > 0);

        friendshipCache.removeAll();

        assertProblem(ben.api().delete(toAnn + pinned), 403, "FORBIDDEN");
        assertProblem(ben.api().patch(toAnn + latest, Map.of("body", "not mine")), 403, "FORBIDDEN");
        assertThat(ann.api().patch(toBen + latest, Map.of("body", "edited")).status())
                .isEqualTo(204);
        long before = sequenceOf(ann.api().patch(toBen + latest, Map.of("body", "edited again")));
        // a repeated reaction and a repeated pin change nothing; deleting the pinned message also unpins it
        assertThat(sequenceOf(ben.api().put(toAnn + pinned + "/reactions/:thumbsup:", null)))
                .isEqualTo(before);
        assertThat(sequenceOf(ben.api().post(toAnn + pinned + "/pin", null))).isEqualTo(before);
        assertThat(sequenceOf(ann.api().delete(toBen + pinned))).isEqualTo(before + 2);
    }

    private static String send(SignedInUser from, SignedInUser to, String body) {
        ApiClient.Response sent = from.api().post("/api/direct/" + to.id() + "/messages", Map.of("body", body));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
        return sent.json().get("messageId").asText();
    }

    private long sequenceOf(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(204);
        return consistencyTokens
                .decode(response.header(ConsistencyToken.HEADER).orElseThrow())
                .orElseThrow()
                .sequence();
    }
}
