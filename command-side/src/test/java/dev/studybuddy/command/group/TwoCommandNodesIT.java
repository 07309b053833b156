package dev.studybuddy.command.group;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import dev.studybuddy.command.support.Accounts;
import dev.studybuddy.command.support.Accounts.SignedInUser;
import dev.studybuddy.command.support.CommandNode;
import dev.studybuddy.command.support.CommandSideIT;
import dev.studybuddy.testing.ApiClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/**
 * Two command-side nodes, each with its own aggregate cache, on one event store: commands to one
 * group through both at once still leave one gap-free stream, because the store's unique
 * (aggregate, sequence) index refuses the loser's append and the loser is retried on fresh state.
 */
@CommandSideIT
class TwoCommandNodesIT {

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    @Autowired
    RSAKey signingKey;

    @Autowired
    EventStore eventStore;

    CommandNode secondNode;

    @AfterEach
    void stopSecondNode() {
        if (secondNode != null) {
            secondNode.close();
        }
    }

    @Test
    void concurrentJoinsThroughTwoNodesAdmitExactlyOneAndKeepTheStreamWhole() throws Exception {
        int secondPort = startSecondNode();
        SignedInUser owner = Accounts.signedIn(port, "twonodes");
        int capacity = 3;
        UUID group = UUID.fromString(owner.api()
                .post("/api/groups", Map.of("name", "Two nodes", "joinPolicy", "OPEN", "capacity", capacity))
                .json()
                .get("groupId")
                .asText());
        // warm both nodes' caches with the group
        assertThat(Accounts.signedIn(port, "early")
                        .api()
                        .post("/api/groups/" + group + "/join", null)
                        .status())
                .isEqualTo(200);
        ApiClient ownerOnSecond = ApiClient.on(secondPort).withHeader("Authorization", viaSecondToken(owner));
        assertThat(ownerOnSecond
                        .patch("/api/groups/" + group, Map.of("name", "Two nodes, renamed"))
                        .status())
                .isEqualTo(204);

        List<Callable<ApiClient.Response>> joins = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        for (int i = 0; i < 8; i++) {
            SignedInUser contender = Accounts.signedIn(port, "contender");
            ApiClient node = i % 2 == 0
                    ? contender.api()
                    : ApiClient.on(secondPort).withHeader("Authorization", viaSecondToken(contender));
            joins.add(() -> {
                start.await();
                return node.post("/api/groups/" + group + "/join", null);
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(joins.size());
        List<Future<ApiClient.Response>> futures = new ArrayList<>();
        for (Callable<ApiClient.Response> join : joins) {
            futures.add(pool.submit(join));
        }
        start.countDown();
        List<ApiClient.Response> responses = new ArrayList<>();
        for (Future<ApiClient.Response> future : futures) {
            responses.add(future.get());
        }
        pool.shutdown();

        assertThat(responses).filteredOn(response -> response.status() == 200).hasSize(1);
        assertThat(responses)
                .filteredOn(response -> response.status() == 409)
                .hasSize(joins.size() - 1)
                .allSatisfy(response ->
                        assertThat(response.json().get("code").asText()).isEqualTo("GROUP_FULL"));

        List<Long> sequences = new ArrayList<>();
        eventStore
                .readEvents(group.toString(), 0)
                .asStream()
                .map(DomainEventMessage::getSequenceNumber)
                .forEach(sequences::add);
        for (int i = 0; i < sequences.size(); i++) {
            assertThat(sequences.get(i)).isEqualTo(i);
        }
    }

    @Test
    void aNodeDecidingOnAStaleCachedGroupLosesTheAppendAndIsRetriedOnFreshState() throws Exception {
        int secondPort = startSecondNode();
        SignedInUser owner = Accounts.signedIn(port, "stale");
        UUID group = UUID.fromString(owner.api()
                .post("/api/groups", Map.of("name", "Stale cache", "joinPolicy", "OPEN", "capacity", 2))
                .json()
                .get("groupId")
                .asText());
        SignedInUser late = Accounts.signedIn(port, "late");
        ApiClient lateOnSecond = ApiClient.on(secondPort).withHeader("Authorization", viaSecondToken(late));
        // a successful command through the second node leaves the group in its cache (one seat free);
        // a refused one would not, since a rolled-back unit of work evicts the aggregate
        ApiClient ownerOnSecond = ApiClient.on(secondPort).withHeader("Authorization", viaSecondToken(owner));
        assertThat(ownerOnSecond
                        .patch("/api/groups/" + group, Map.of("name", "Stale cache, renamed"))
                        .status())
                .isEqualTo(204);

        assertThat(Accounts.signedIn(port, "first")
                        .api()
                        .post("/api/groups/" + group + "/join", null)
                        .status())
                .isEqualTo(200);

        ApiClient.Response staleJoin = lateOnSecond.post("/api/groups/" + group + "/join", null);
        assertThat(staleJoin.status()).as(staleJoin.toString()).isEqualTo(409);
        assertThat(staleJoin.json().get("code").asText()).isEqualTo("GROUP_FULL");
        List<Long> sequences = new ArrayList<>();
        eventStore
                .readEvents(group.toString(), 0)
                .asStream()
                .map(DomainEventMessage::getSequenceNumber)
                .forEach(sequences::add);
        assertThat(sequences).containsExactly(0L, 1L, 2L, 3L);
    }

    private static String viaSecondToken(SignedInUser user) {
        return user.api().headers().get("Authorization");
    }

    private int startSecondNode() {
        secondNode = CommandNode.start(environment, signingKey, null);
        return secondNode.port();
    }
}
