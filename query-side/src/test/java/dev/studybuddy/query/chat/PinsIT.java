package dev.studybuddy.query.chat;

import static dev.studybuddy.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.studybuddy.api.friendship.FriendshipId;
import dev.studybuddy.api.group.GroupVisibility;
import dev.studybuddy.api.group.JoinPolicy;
import dev.studybuddy.platform.consistency.ConsistencyToken;
import dev.studybuddy.platform.consistency.ConsistencyTokens;
import dev.studybuddy.query.realtime.RedisChannels;
import dev.studybuddy.query.support.Chats;
import dev.studybuddy.query.support.Friendships;
import dev.studybuddy.query.support.Groups;
import dev.studybuddy.query.support.QuerySideIT;
import dev.studybuddy.query.support.SecondNode;
import dev.studybuddy.query.support.StompClients;
import dev.studybuddy.query.support.StompClients.Client;
import dev.studybuddy.query.support.UserAccounts;
import dev.studybuddy.testing.ApiClient;
import dev.studybuddy.testing.TestTokenIssuer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Pins over real HTTP and STOMP on two query-side nodes (docs/api.md "Pins"): {@code message.pinned} and
 * {@code message.unpinned} reach the conversation's subscribers on either node, {@code GET …/pins} lists what is
 * pinned, latest pin first; a deleted message leaves the list; who may not read the conversation is refused as from
 * its history. What may be pinned by whom is the aggregates' (GroupPinsTest, DirectPinsTest, command-side's PinsIT).
 */
@QuerySideIT
class PinsIT {

    @Autowired
    ConsistencyTokens consistencyTokens;

    private static final Duration SOON = Duration.ofSeconds(30);

    private static SecondNode secondNode;
    private static int secondPort;

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Friendships friendships;

    @Autowired
    Groups groups;

    @Autowired
    Chats chats;

    @Autowired
    StringRedisTemplate redis;

    final List<Client> clients = new ArrayList<>();
    UUID owner;
    UUID member;

    @BeforeEach
    void twoNodes() {
        if (secondNode == null) {
            secondNode = SecondNode.start(environment, processing, "pins-second-node");
            secondPort = secondNode.port();
        }
        owner = UUID.randomUUID();
        member = UUID.randomUUID();
    }

    @AfterEach
    void disconnect() {
        clients.forEach(Client::close);
    }

    @AfterAll
    static void stopSecondNode() {
        if (secondNode != null) {
            secondNode.close();
            secondNode = null;
        }
    }

    @Test
    void membersOnEitherNodeSeePinsComeAndGoAndTheListShowsThemLatestFirst() throws Exception {
        UUID groupId = groups.create(owner, "Pins " + UUID.randomUUID(), GroupVisibility.PRIVATE, JoinPolicy.OPEN, 10)
                .groupId();
        accounts.awaitProjected("groups", groups.join(groupId, member));
        String topic = "/topic/groups." + groupId;
        Client ownerLive = subscribed(port, owner, topic, RedisChannels.group(groupId));
        Client memberLive = subscribed(secondPort, member, topic, RedisChannels.group(groupId));
        Chats.Posted exam = chats.post(groupId, member, "Exam on Friday, room 4");
        Chats.Posted notes = chats.post(groupId, owner, "Notes are in the drive");

        ConsistencyToken examPinned = chats.pin(groupId, exam.messageId(), owner);
        ConsistencyToken notesPinned = chats.pin(groupId, notes.messageId(), owner);

        for (Client client : List.of(ownerLive, memberLive)) {
            await().atMost(SOON).until(() -> client.framesOf("message.pinned").size() == 2);
            JsonNode frame = client.framesOf("message.pinned").get(0);
            assertThat(frame.get("conversationId").asText()).isEqualTo("group:" + groupId);
            assertThat(frame.get("seq").asLong()).as("the pin's own event").isEqualTo(examPinned.sequence());
            assertThat(frame.get("messageId").asText())
                    .isEqualTo(exam.messageId().toString());
            assertThat(frame.get("pinnedBy").asText()).isEqualTo(owner.toString());
            assertThat(frame.at("/message/body").asText()).isEqualTo("Exam on Friday, room 4");
            assertThat(frame.at("/message/seq").asLong()).isEqualTo(exam.seq());
        }
        JsonNode pins = ok(on(secondPort, member)
                .withHeader(ConsistencyToken.HEADER, consistencyTokens.encode(notesPinned))
                .get("/api/groups/" + groupId + "/pins"));
        assertThat(messageIds(pins))
                .containsExactly(notes.messageId().toString(), exam.messageId().toString());
        assertThat(pins.at("/items/0/seq").asLong()).isEqualTo(notesPinned.sequence());
        assertThat(pins.at("/items/0/pinnedAt").asText()).endsWith("Z");
        assertThat(pins.at("/items/1/message/body").asText()).isEqualTo("Exam on Friday, room 4");
        assertThat(pins.get("nextCursor").isNull()).isTrue();

        ConsistencyToken unpinned = chats.unpin(groupId, notes.messageId(), owner);
        ConsistencyToken deleted = chats.deletePinned(groupId, exam.messageId(), member);

        for (Client client : List.of(ownerLive, memberLive)) {
            await().atMost(SOON).until(() -> client.framesOf("message.unpinned").size() == 2);
            JsonNode first = client.framesOf("message.unpinned").get(0);
            assertThat(first.get("seq").asLong()).isEqualTo(unpinned.sequence());
            assertThat(first.get("messageId").asText())
                    .isEqualTo(notes.messageId().toString());
            assertThat(first.get("unpinnedBy").asText()).isEqualTo(owner.toString());
            JsonNode byDeletion = client.framesOf("message.unpinned").get(1);
            assertThat(byDeletion.get("seq").asLong()).isEqualTo(deleted.sequence());
            assertThat(byDeletion.get("messageId").asText())
                    .isEqualTo(exam.messageId().toString());
            assertThat(client.framesOf("message.deleted")).hasSize(1);
        }
        assertThat(ok(on(port, owner)
                                .withHeader(ConsistencyToken.HEADER, consistencyTokens.encode(deleted))
                                .get("/api/groups/" + groupId + "/pins"))
                        .get("items"))
                .isEmpty();
    }

    @Test
    void bothFriendsSeeTheirConversationsPins() throws Exception {
        UUID ann = accounts.registered("Ann");
        UUID ben = accounts.registered("Ben");
        accounts.awaitProjected("friendships", friendships.accept(ann, ben));
        String pair = FriendshipId.of(ann, ben);
        Client annLive = subscribed(port, ann, "/user/queue/direct", RedisChannels.direct(pair));
        Client benLive = subscribed(secondPort, ben, "/user/queue/direct", RedisChannels.direct(pair));
        Chats.Posted message = chats.sendDirect(ann, ben, "Library at 5, bring the formula sheet");

        ConsistencyToken pinned = chats.pinDirect(ben, ann, message.messageId());

        for (Client client : List.of(annLive, benLive)) {
            await().atMost(SOON).until(() -> client.framesOf("message.pinned").size() == 1);
            JsonNode frame = client.framesOf("message.pinned").get(0);
            assertThat(frame.get("conversationId").asText()).isEqualTo("direct:" + pair);
            assertThat(frame.get("seq").asLong()).isEqualTo(pinned.sequence());
            assertThat(frame.get("pinnedBy").asText()).isEqualTo(ben.toString());
        }
        for (UUID[] sides : List.of(new UUID[] {ann, ben}, new UUID[] {ben, ann})) {
            JsonNode pins = ok(on(secondPort, sides[0])
                    .withHeader(ConsistencyToken.HEADER, consistencyTokens.encode(pinned))
                    .get("/api/direct/" + sides[1] + "/pins"));
            assertThat(messageIds(pins)).containsExactly(message.messageId().toString());
        }
        assertThat(ok(on(port, UUID.randomUUID()).get("/api/direct/" + ben + "/pins"))
                        .get("items"))
                .as("anyone else's conversation with ben is their own, and has no pins")
                .isEmpty();

        ConsistencyToken unpinned = chats.unpinDirect(ann, ben, message.messageId());
        for (Client client : List.of(annLive, benLive)) {
            await().atMost(SOON).until(() -> client.framesOf("message.unpinned").size() == 1);
        }
        assertThat(ok(on(port, ann)
                                .withHeader(ConsistencyToken.HEADER, consistencyTokens.encode(unpinned))
                                .get("/api/direct/" + ben + "/pins"))
                        .get("items"))
                .isEmpty();
    }

    @Test
    void whoMayNotReadTheConversationIsRefusedAsFromItsHistory() {
        UUID outsider = UUID.randomUUID();
        UUID publicGroup = groups.create(
                        owner, "Open pins " + UUID.randomUUID(), GroupVisibility.PUBLIC, JoinPolicy.OPEN, 10)
                .groupId();
        UUID privateGroup = groups.create(
                        owner, "Closed pins " + UUID.randomUUID(), GroupVisibility.PRIVATE, JoinPolicy.OPEN, 10)
                .groupId();
        groups.join(privateGroup, member);
        Chats.Posted posted = chats.post(privateGroup, owner, "pinned for members");
        accounts.awaitProjected("chat", chats.pin(privateGroup, posted.messageId(), owner));
        accounts.awaitProjected("groups", groups.leave(privateGroup, member));
        accounts.awaitProjected("groups", groups.join(publicGroup, UUID.randomUUID()));

        assertProblem(on(port, outsider).get("/api/groups/" + publicGroup + "/pins"), 403, "NOT_A_MEMBER");
        assertProblem(on(secondPort, outsider).get("/api/groups/" + privateGroup + "/pins"), 404, "NOT_FOUND");
        assertProblem(on(port, member).get("/api/groups/" + privateGroup + "/pins"), 404, "NOT_FOUND");
        assertProblem(on(port, outsider).get("/api/groups/" + UUID.randomUUID() + "/pins"), 404, "NOT_FOUND");
        assertProblem(on(port, owner).get("/api/groups/not-an-id/pins"), 400, "MALFORMED_REQUEST");
        assertProblem(on(port, owner).get("/api/direct/" + owner + "/pins"), 404, "NOT_FOUND");
        assertProblem(on(port, owner).get("/api/direct/" + UUID.randomUUID() + "/pins"), 404, "NOT_FOUND");
        assertThat(messageIds(ok(on(port, owner).get("/api/groups/" + privateGroup + "/pins"))))
                .containsExactly(posted.messageId().toString());
    }

    private Client subscribed(int nodePort, UUID user, String destination, String channel) throws Exception {
        Client client = StompClients.connected(nodePort, TestTokenIssuer.get().accessToken(user))
                .subscribe(destination);
        clients.add(client);
        return client.awaitFanOut(redis, channel, SOON);
    }

    private static List<String> messageIds(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("messageId").asText()));
        return ids;
    }

    private static JsonNode ok(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.header(ConsistencyToken.STATUS_HEADER)).isEmpty();
        return response.json();
    }

    private static ApiClient on(int nodePort, UUID user) {
        return ApiClient.on(nodePort).withToken(TestTokenIssuer.get().accessToken(user));
    }
}
