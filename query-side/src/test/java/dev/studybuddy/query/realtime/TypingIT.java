package dev.studybuddy.query.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.studybuddy.api.group.GroupVisibility;
import dev.studybuddy.api.group.JoinPolicy;
import dev.studybuddy.query.support.Groups;
import dev.studybuddy.query.support.QuerySideIT;
import dev.studybuddy.query.support.StompClients;
import dev.studybuddy.query.support.StompClients.Client;
import dev.studybuddy.query.support.UserAccounts;
import dev.studybuddy.testing.ApiClient;
import dev.studybuddy.testing.TestTokenIssuer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Typing signals over real WebSockets (API.md "WebSocket"): a member's SEND to
 * {@code /app/groups.{groupId}.typing} reaches the group's subscribers as a {@code typing} frame, at most
 * one per {@code typing-interval} per session; a non-member's is refused; none is ever stored.
 */
@QuerySideIT
class TypingIT {

    private static final byte[] EMPTY = "{}".getBytes(StandardCharsets.UTF_8);

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Groups groups;

    @Autowired
    RealtimeProperties properties;

    @Autowired
    StringRedisTemplate redis;

    final List<Client> clients = new ArrayList<>();
    UUID owner;
    UUID member;
    UUID groupId;
    String topic;
    String typing;

    @BeforeEach
    void aGroup() {
        owner = UUID.randomUUID();
        member = UUID.randomUUID();
        groupId = groups.create(owner, "Typing " + UUID.randomUUID(), GroupVisibility.PRIVATE, JoinPolicy.OPEN, 10)
                .groupId();
        accounts.awaitProjected("groups", groups.join(groupId, member));
        topic = "/topic/groups." + groupId;
        typing = "/app/groups." + groupId + ".typing";
    }

    @AfterEach
    void disconnect() {
        clients.forEach(Client::close);
    }

    @Test
    void aMembersTypingReachesTheOtherMembersAtMostOncePerInterval() throws Exception {
        Client watching = subscribed(owner);
        Client typist = subscribed(member);

        long start = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            typist.send(typing, EMPTY);
        }

        await().atMost(Duration.ofSeconds(10))
                .until(() -> watching.framesOf("typing").size() == 1);
        JsonNode frame = watching.framesOf("typing").get(0);
        assertThat(frame.get("conversationId").asText()).isEqualTo("group:" + groupId);
        assertThat(frame.get("userId").asText()).isEqualTo(member.toString());
        assertThat(frame.has("seq"))
                .as("typing is not part of the conversation's history")
                .isFalse();
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .until(() -> watching.framesOf("typing").size() == 1);

        await().atMost(properties.typingInterval().plusSeconds(10))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    typist.send(typing, EMPTY);
                    return watching.framesOf("typing").size() == 2;
                });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(properties.typingInterval());
        assertThat(typist.framesOf("typing"))
                .as("the typist's own session gets it too")
                .isNotEmpty();
        assertThat(typist.errors).isEmpty();
        assertThat(watching.errors).isEmpty();
        assertThat(messagesOf(owner)).as("typing is never stored").isEmpty();
    }

    @Test
    void aNonMembersTypingIsRefusedAndReachesNobody() throws Exception {
        Client watching = subscribed(owner);
        UUID outsider = UUID.randomUUID();
        Client intruder = connected(outsider);

        intruder.send(typing, EMPTY);

        assertThat(intruder.awaitRefusal())
                .satisfiesAnyOf(
                        refusal -> assertThat(refusal).contains("Only members"),
                        refusal -> assertThat(refusal).isEqualTo(Client.CLOSED_WITHOUT_ERROR_FRAME));
        // the member's signal, sent after the intruder's, arriving alone shows the intruder's went nowhere
        connected(member).send(typing, EMPTY);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> watching.framesOf("typing").size() == 1);
        assertThat(watching.framesOf("typing").get(0).get("userId").asText()).isEqualTo(member.toString());
        assertThat(messagesOf(owner)).isEmpty();
    }

    /** A destination shaped like a typing signal but naming no group is refused as one, not failed as ours. */
    @Test
    void aTypingSignalToSomethingThatIsNoGroupIdIsRefused() throws Exception {
        Client client = connected(member);

        client.send("/app/groups." + "-".repeat(36) + ".typing", EMPTY);

        assertThat(client.awaitRefusal())
                .satisfiesAnyOf(
                        refusal -> assertThat(refusal).contains("Clients send only typing signals"),
                        refusal -> assertThat(refusal).isEqualTo(Client.CLOSED_WITHOUT_ERROR_FRAME));
    }

    private JsonNode messagesOf(UUID reader) {
        ApiClient.Response page = ApiClient.on(port)
                .withToken(TestTokenIssuer.get().accessToken(reader))
                .get("/api/groups/" + groupId + "/messages");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page.json().get("items");
    }

    /** Subscribed to the group's topic, and the subscription in place (a SUBSCRIBE gets no receipt here). */
    private Client subscribed(UUID user) throws Exception {
        return connected(user)
                .subscribe(topic)
                .awaitFanOut(redis, RedisChannels.group(groupId), Duration.ofSeconds(10));
    }

    private Client connected(UUID user) throws Exception {
        Client client = StompClients.connected(port, TestTokenIssuer.get().accessToken(user));
        clients.add(client);
        return client;
    }
}
