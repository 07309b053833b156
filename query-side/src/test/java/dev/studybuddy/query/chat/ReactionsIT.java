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
 * Reactions over real HTTP and STOMP on two query-side nodes (docs/api.md "Reactions"): {@code reaction.changed} reaches
 * the conversation's subscribers on either node; history items carry {@code reactions: [{emoji, count, mine}]}; a
 * reaction moves its message's {@code changeSeq}, so {@code afterSeq} catches up on it in order, as on edits; who may
 * not read the conversation sees none. Who may react to what is the aggregates' (GroupReactionsTest,
 * DirectReactionsTest, command-side's ReactionsIT).
 */
@QuerySideIT
class ReactionsIT {

    @Autowired
    ConsistencyTokens consistencyTokens;

    private static final Duration SOON = Duration.ofSeconds(30);
    private static final String THUMBS_UP = "\uD83D\uDC4D";
    private static final String TADA = ":tada:";

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
    UUID groupId;

    @BeforeEach
    void twoNodesAndAGroup() {
        if (secondNode == null) {
            secondNode = SecondNode.start(environment, processing, "reactions-second-node");
            secondPort = secondNode.port();
        }
        owner = UUID.randomUUID();
        member = UUID.randomUUID();
        groupId = groups.create(owner, "Reactions " + UUID.randomUUID(), GroupVisibility.PRIVATE, JoinPolicy.OPEN, 10)
                .groupId();
        accounts.awaitProjected("groups", groups.join(groupId, member));
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
    void membersOnEitherNodeSeeReactionsLiveAndInTheHistoryWithTheirOwnMarked() throws Exception {
        String topic = "/topic/groups." + groupId;
        Client ownerLive = subscribed(port, owner, topic, RedisChannels.group(groupId));
        Client memberLive = subscribed(secondPort, member, topic, RedisChannels.group(groupId));
        Chats.Posted message = chats.post(groupId, owner, "Passed the exam!");

        chats.react(groupId, message.messageId(), owner, THUMBS_UP);
        chats.react(groupId, message.messageId(), member, THUMBS_UP);
        ConsistencyToken last = chats.react(groupId, message.messageId(), member, TADA);

        for (Client client : List.of(ownerLive, memberLive)) {
            await().atMost(SOON).until(() -> client.framesOf("reaction.changed").size() == 3);
            List<JsonNode> frames = client.framesOf("reaction.changed");
            assertThat(frames).extracting(frame -> frame.get("count").asInt()).containsExactly(1, 2, 1);
            JsonNode frame = frames.get(2);
            assertThat(frame.get("conversationId").asText()).isEqualTo("group:" + groupId);
            assertThat(frame.get("seq").asLong())
                    .as("the message's new changeSeq")
                    .isEqualTo(last.sequence());
            assertThat(frame.get("messageId").asText())
                    .isEqualTo(message.messageId().toString());
            assertThat(frame.get("userId").asText()).isEqualTo(member.toString());
            assertThat(frame.get("emoji").asText()).isEqualTo(TADA);
            assertThat(frame.get("added").asBoolean()).isTrue();
        }
        JsonNode mine = onlyMessage(on(secondPort, member)
                .withHeader(ConsistencyToken.HEADER, consistencyTokens.encode(last))
                .get("/api/groups/" + groupId + "/messages"));
        assertThat(mine.get("changeSeq").asLong()).isEqualTo(last.sequence());
        assertThat(reactions(mine)).containsExactly(THUMBS_UP + " 2 mine", TADA + " 1 mine");
        assertThat(reactions(onlyMessage(on(port, owner).get("/api/groups/" + groupId + "/messages"))))
                .containsExactly(THUMBS_UP + " 2 mine", TADA + " 1");

        ConsistencyToken takenBack = chats.unreact(groupId, message.messageId(), member, THUMBS_UP);
        for (Client client : List.of(ownerLive, memberLive)) {
            await().atMost(SOON).until(() -> client.framesOf("reaction.changed").size() == 4);
            JsonNode frame = client.framesOf("reaction.changed").get(3);
            assertThat(frame.get("added").asBoolean()).isFalse();
            assertThat(frame.get("count").asInt()).isEqualTo(1);
        }
        assertThat(reactions(onlyMessage(on(port, member)
                        .withHeader(ConsistencyToken.HEADER, consistencyTokens.encode(takenBack))
                        .get("/api/groups/" + groupId + "/messages"))))
                .containsExactly(THUMBS_UP + " 1", TADA + " 1 mine");

        ConsistencyToken deleted = chats.delete(groupId, message.messageId(), owner, false);
        assertThat(onlyMessage(on(port, member)
                                .withHeader(ConsistencyToken.HEADER, consistencyTokens.encode(deleted))
                                .get("/api/groups/" + groupId + "/messages"))
                        .get("reactions"))
                .as("a deleted message shows none")
                .isEmpty();
    }

    @Test
    void afterSeqCatchesUpOnReactionsInOrderOfChangeAsOnEdits() {
        Chats.Posted first = chats.post(groupId, owner, "first");
        Chats.Posted second = chats.post(groupId, member, "second");
        Chats.Posted untouched = chats.post(groupId, member, "untouched");
        long seen = untouched.seq();

        ConsistencyToken reactedToSecond = chats.react(groupId, second.messageId(), owner, TADA);
        ConsistencyToken editedFirst = chats.edit(groupId, first.messageId(), "first, edited");
        ConsistencyToken reactedToFirst = chats.react(groupId, first.messageId(), member, THUMBS_UP);

        JsonNode changes = ok(on(secondPort, member)
                .withHeader(ConsistencyToken.HEADER, consistencyTokens.encode(reactedToFirst))
                .get("/api/groups/" + groupId + "/messages?afterSeq=" + seen));
        JsonNode items = changes.get("items");
        assertThat(items).hasSize(2);
        assertThat(items.get(0).get("messageId").asText())
                .isEqualTo(second.messageId().toString());
        assertThat(items.get(0).get("changeSeq").asLong()).isEqualTo(reactedToSecond.sequence());
        assertThat(reactions(items.get(0))).containsExactly(TADA + " 1");
        assertThat(items.get(1).get("messageId").asText())
                .isEqualTo(first.messageId().toString());
        assertThat(items.get(1).get("changeSeq").asLong()).isEqualTo(reactedToFirst.sequence());
        assertThat(items.get(1).get("body").asText())
                .as("the edit at " + editedFirst.sequence())
                .isEqualTo("first, edited");
        assertThat(reactions(items.get(1))).containsExactly(THUMBS_UP + " 1 mine");

        JsonNode sinceTheEdit =
                ok(on(port, member).get("/api/groups/" + groupId + "/messages?afterSeq=" + editedFirst.sequence()));
        assertThat(sinceTheEdit.get("items")).hasSize(1);
        assertThat(sinceTheEdit.at("/items/0/messageId").asText())
                .isEqualTo(first.messageId().toString());
    }

    @Test
    void bothFriendsSeeReactionsToTheirDirectMessages() throws Exception {
        UUID ann = accounts.registered("Ann");
        UUID ben = accounts.registered("Ben");
        accounts.awaitProjected("friendships", friendships.accept(ann, ben));
        String pair = FriendshipId.of(ann, ben);
        Client annLive = subscribed(port, ann, "/user/queue/direct", RedisChannels.direct(pair));
        Client benLive = subscribed(secondPort, ben, "/user/queue/direct", RedisChannels.direct(pair));
        Chats.Posted message = chats.sendDirect(ann, ben, "Got the internship!");

        ConsistencyToken reacted = chats.reactDirect(ben, ann, message.messageId(), THUMBS_UP);

        for (Client client : List.of(annLive, benLive)) {
            await().atMost(SOON).until(() -> client.framesOf("reaction.changed").size() == 1);
            JsonNode frame = client.framesOf("reaction.changed").get(0);
            assertThat(frame.get("conversationId").asText()).isEqualTo("direct:" + pair);
            assertThat(frame.get("userId").asText()).isEqualTo(ben.toString());
        }
        assertThat(reactions(onlyMessage(on(secondPort, ben)
                        .withHeader(ConsistencyToken.HEADER, consistencyTokens.encode(reacted))
                        .get("/api/direct/" + ann + "/messages"))))
                .containsExactly(THUMBS_UP + " 1 mine");
        assertThat(reactions(onlyMessage(on(port, ann)
                        .withHeader(ConsistencyToken.HEADER, consistencyTokens.encode(reacted))
                        .get("/api/direct/" + ben + "/messages"))))
                .containsExactly(THUMBS_UP + " 1");
        assertThat(ok(on(port, UUID.randomUUID()).get("/api/direct/" + ben + "/messages"))
                        .get("items"))
                .as("anyone else's conversation with ben is their own")
                .isEmpty();
    }

    @Test
    void whoMayNotReadTheConversationSeesNoReactions() {
        UUID outsider = UUID.randomUUID();
        Groups.Created created = groups.create(
                owner, "Open reactions " + UUID.randomUUID(), GroupVisibility.PUBLIC, JoinPolicy.OPEN, 10);
        UUID publicGroup = created.groupId();
        accounts.awaitProjected("groups", created.token());
        Chats.Posted open = chats.post(publicGroup, owner, "public");
        Chats.Posted closed = chats.post(groupId, owner, "private");
        chats.react(publicGroup, open.messageId(), owner, TADA);
        accounts.awaitProjected("chat", chats.react(groupId, closed.messageId(), member, TADA));
        accounts.awaitProjected("groups", groups.leave(groupId, member));

        assertProblem(on(port, outsider).get("/api/groups/" + publicGroup + "/messages"), 403, "NOT_A_MEMBER");
        assertProblem(on(secondPort, outsider).get("/api/groups/" + groupId + "/messages"), 404, "NOT_FOUND");
        assertProblem(on(port, member).get("/api/groups/" + groupId + "/messages?afterSeq=0"), 404, "NOT_FOUND");
    }

    private Client subscribed(int nodePort, UUID user, String destination, String channel) throws Exception {
        Client client = StompClients.connected(nodePort, TestTokenIssuer.get().accessToken(user))
                .subscribe(destination);
        clients.add(client);
        return client.awaitFanOut(redis, channel, SOON);
    }

    /** Each reaction as "emoji count" with " mine" when the reader gave it. */
    private static List<String> reactions(JsonNode message) {
        List<String> reactions = new ArrayList<>();
        message.get("reactions")
                .forEach(reaction -> reactions.add(reaction.get("emoji").asText() + " "
                        + reaction.get("count").asInt() + (reaction.get("mine").asBoolean() ? " mine" : "")));
        return reactions;
    }

    private static JsonNode onlyMessage(ApiClient.Response response) {
        JsonNode items = ok(response).get("items");
        assertThat(items).hasSize(1);
        return items.get(0);
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
