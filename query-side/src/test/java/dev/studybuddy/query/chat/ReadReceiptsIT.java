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
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Read receipts over real HTTP and STOMP (docs/api.md "Read receipts"): in a DM the sender sees how far the friend
 * has read ({@code otherReadSeq}, {@code read.advanced}), on whichever of two query-side nodes they are connected;
 * in a group the members see who has read a message; those who turn receipts off are shown to nobody and see
 * nothing; outsiders are refused as from the group's history.
 */
@QuerySideIT
class ReadReceiptsIT {

    @Autowired
    ConsistencyTokens consistencyTokens;

    private static final Duration SOON = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

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

    @Autowired
    Environment environment;

    @Autowired
    EventProcessingConfiguration processing;

    private static SecondNode secondNode;

    final List<Client> clients = new ArrayList<>();

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
    void theSenderSeesHowFarTheFriendHasReadLiveAndInTheConversationList() throws Exception {
        UUID sender = UUID.randomUUID();
        UUID reader = UUID.randomUUID();
        accounts.awaitProjected("friendships", friendships.accept(sender, reader));
        if (secondNode == null) {
            secondNode = SecondNode.start(environment, processing, "receipts-second-node");
        }
        Client senderLive = subscribedToDirect(secondNode.port(), sender);
        Client readerLive = subscribedToDirect(reader);
        chats.sendDirect(sender, reader, "first");
        Chats.Posted second = chats.sendDirect(sender, reader, "second");
        await().atMost(SOON).until(() -> readerLive.framesOf("message.posted").size() == 2);

        ConsistencyToken read = chats.markDirectRead(reader, sender, second.seq());

        await().atMost(SOON).until(() -> senderLive.framesOf("read.advanced").size() == 1);
        JsonNode frame = senderLive.framesOf("read.advanced").get(0);
        assertThat(frame.get("conversationId").asText()).isEqualTo("direct:" + FriendshipId.of(sender, reader));
        assertThat(frame.get("userId").asText()).isEqualTo(reader.toString());
        assertThat(frame.get("readSeq").asLong()).isEqualTo(second.seq());
        assertThat(readerLive.framesOf("read.advanced"))
                .as("the reader knows what they read")
                .isEmpty();
        JsonNode mine = onlyConversation(sender, read);
        assertThat(mine.get("otherReadSeq").asLong()).isEqualTo(second.seq());
        assertThat(onlyConversation(reader, read).get("otherReadSeq").asLong())
                .as("the sender never read")
                .isEqualTo(-1);

        // a read position that does not move forward is no news
        accounts.awaitProjected("chat", chats.markDirectRead(reader, sender, second.seq() - 1));
        await().during(Duration.ofSeconds(1))
                .atMost(SOON)
                .until(() -> senderLive.framesOf("read.advanced").size() == 1);
    }

    @Test
    void aUserWithoutReceiptsIsShownToNobodyAndSeesNone() throws Exception {
        UUID sender = UUID.randomUUID();
        UUID reader = UUID.randomUUID();
        accounts.awaitProjected("friendships", friendships.accept(sender, reader));
        Client senderLive = subscribedToDirect(sender);
        Chats.Posted message = chats.sendDirect(sender, reader, "read me");
        accounts.awaitProjected("chat", chats.markDirectRead(sender, reader, message.seq()));

        assertThat(as(reader)
                        .put("/api/users/me/receipts", Map.of("enabled", false))
                        .status())
                .isEqualTo(204);
        ConsistencyToken read = chats.markDirectRead(reader, sender, message.seq());
        accounts.awaitProjected("chat", read);

        await().during(Duration.ofSeconds(2))
                .atMost(SOON)
                .until(() -> senderLive.framesOf("read.advanced").isEmpty());
        assertThat(onlyConversation(sender, read).get("otherReadSeq").isNull()).isTrue();
        assertThat(onlyConversation(reader, read).get("otherReadSeq").isNull())
                .as("they see none either")
                .isTrue();

        assertThat(as(reader)
                        .put("/api/users/me/receipts", Map.of("enabled", true))
                        .status())
                .isEqualTo(204);
        assertThat(onlyConversation(sender, read).get("otherReadSeq").asLong()).isEqualTo(message.seq());
        // and the other way: the sender who turns them off is told of no read
        Chats.Posted another = chats.sendDirect(sender, reader, "and this");
        assertThat(as(sender)
                        .put("/api/users/me/receipts", Map.of("enabled", false))
                        .status())
                .isEqualTo(204);
        ConsistencyToken readAgain = chats.markDirectRead(reader, sender, another.seq());
        accounts.awaitProjected("chat", readAgain);
        await().during(Duration.ofSeconds(2))
                .atMost(SOON)
                .until(() -> senderLive.framesOf("read.advanced").isEmpty());
        assertThat(onlyConversation(sender, readAgain).get("otherReadSeq").isNull())
                .isTrue();
    }

    @Test
    void membersSeeWhoHasReadAGroupMessage() {
        UUID owner = UUID.randomUUID();
        UUID caughtUp = UUID.randomUUID();
        UUID behind = UUID.randomUUID();
        UUID private_ = UUID.randomUUID();
        UUID leaver = UUID.randomUUID();
        UUID groupId = groups.create(
                        owner, "Receipts " + UUID.randomUUID(), GroupVisibility.PRIVATE, JoinPolicy.OPEN, 10)
                .groupId();
        for (UUID member : List.of(caughtUp, behind, private_, leaver)) {
            groups.join(groupId, member);
        }
        Chats.Posted earlier = chats.post(groupId, owner, "earlier");
        Chats.Posted message = chats.post(groupId, owner, "who read this?");
        Chats.Posted later = chats.post(groupId, behind, "later");
        assertThat(as(private_)
                        .put("/api/users/me/receipts", Map.of("enabled", false))
                        .status())
                .isEqualTo(204);
        ConsistencyToken last = null;
        for (ConsistencyToken read : List.of(
                chats.markRead(groupId, caughtUp, later.seq()),
                chats.markRead(groupId, behind, earlier.seq()),
                chats.markRead(groupId, private_, later.seq()),
                chats.markRead(groupId, owner, later.seq()),
                chats.markRead(groupId, leaver, message.seq()))) {
            accounts.awaitProjected("chat", read);
            last = read;
        }
        accounts.awaitProjected("chat", later.token());
        accounts.awaitProjected("groups", groups.leave(groupId, leaver));

        String path = "/api/groups/" + groupId + "/messages/" + message.messageId() + "/readers";
        ApiClient.Response readers = as(behind)
                .withHeader(ConsistencyToken.HEADER, consistencyTokens.encode(last))
                .get(path);
        assertThat(readers.status()).as(readers.toString()).isEqualTo(200);
        assertThat(readers.json().get("items")).hasSize(1);
        assertThat(readers.json().at("/items/0/userId").asText())
                .as("not the author, not who is behind, hides receipts or left")
                .isEqualTo(caughtUp.toString());
        assertThat(readers.json().at("/items/0/readSeq").asLong()).isEqualTo(later.seq());

        assertThat(as(private_).get(path).json().get("items"))
                .as("who hides receipts sees none")
                .isEmpty();
        assertProblem(
                as(owner).get("/api/groups/" + groupId + "/messages/" + UUID.randomUUID() + "/readers"),
                404,
                "NOT_FOUND");
        assertProblem(as(leaver).get(path), 404, "NOT_FOUND");
        assertProblem(
                as(owner).get("/api/groups/" + groupId + "/messages/not-an-id/readers"), 400, "MALFORMED_REQUEST");
    }

    @Test
    void outsidersAreRefusedAsFromTheHistory() {
        UUID owner = UUID.randomUUID();
        UUID outsider = UUID.randomUUID();
        UUID publicGroup = groups.create(
                        owner, "Open receipts " + UUID.randomUUID(), GroupVisibility.PUBLIC, JoinPolicy.OPEN, 10)
                .groupId();
        UUID privateGroup = groups.create(
                        owner, "Closed receipts " + UUID.randomUUID(), GroupVisibility.PRIVATE, JoinPolicy.OPEN, 10)
                .groupId();
        Chats.Posted open = chats.post(publicGroup, owner, "public");
        Chats.Posted closed = chats.post(privateGroup, owner, "private");
        accounts.awaitProjected("chat", closed.token());
        accounts.awaitProjected("groups", groups.join(privateGroup, UUID.randomUUID()));

        String openReaders = "/api/groups/" + publicGroup + "/messages/" + open.messageId() + "/readers";
        String closedReaders = "/api/groups/" + privateGroup + "/messages/" + closed.messageId() + "/readers";
        assertProblem(as(outsider).get(openReaders), 403, "NOT_A_MEMBER");
        assertProblem(as(outsider).get("/api/groups/" + publicGroup + "/messages"), 403, "NOT_A_MEMBER");
        assertProblem(as(outsider).get(closedReaders), 404, "NOT_FOUND");
        assertProblem(as(outsider).get("/api/groups/" + privateGroup + "/messages"), 404, "NOT_FOUND");
        assertProblem(as(owner).put("/api/users/me/receipts", Map.of()), 400, "VALIDATION_FAILED");
        assertProblem(as(owner).put("/api/users/me/receipts", "{\"enabled\": tru}"), 400, "MALFORMED_REQUEST");
        for (String notABoolean : List.of("1", "0", "\"true\"", "\"false\"", "1.0")) {
            assertProblem(
                    as(owner).put("/api/users/me/receipts", "{\"enabled\": " + notABoolean + "}"),
                    400,
                    "MALFORMED_REQUEST");
        }
    }

    @Test
    void theOpenApiDescriptionDescribesReceipts() {
        JsonNode paths = ApiClient.on(port).get("/v3/api-docs").json().path("paths");

        assertThat(paths.path("/api/groups/{groupId}/messages/{messageId}/readers")
                        .path("get")
                        .path("summary")
                        .asText())
                .contains("read position");
        assertThat(paths.path("/api/users/me/receipts")
                        .path("put")
                        .path("summary")
                        .asText())
                .contains("read receipts");
    }

    private JsonNode onlyConversation(UUID user, ConsistencyToken token) {
        ApiClient.Response page = as(user).withHeader(ConsistencyToken.HEADER, consistencyTokens.encode(token))
                .get("/api/direct");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.json().get("items")).hasSize(1);
        return page.json().get("items").get(0);
    }

    private Client subscribedToDirect(UUID user) throws Exception {
        return subscribedToDirect(port, user);
    }

    private Client subscribedToDirect(int onPort, UUID user) throws Exception {
        Client client = StompClients.connected(onPort, TestTokenIssuer.get().accessToken(user))
                .subscribe("/user/queue/direct");
        clients.add(client);
        return client.awaitFanOut(redis, RedisChannels.userDirect(user), SOON);
    }

    private ApiClient as(UUID user) {
        return ApiClient.on(port).withToken(TestTokenIssuer.get().accessToken(user));
    }
}
