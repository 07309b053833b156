package dev.studybuddy.query.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import dev.studybuddy.api.group.GroupVisibility;
import dev.studybuddy.api.group.JoinPolicy;
import dev.studybuddy.platform.consistency.ConsistencyToken;
import dev.studybuddy.platform.consistency.ConsistencyTokens;
import dev.studybuddy.platform.web.Cursors;
import dev.studybuddy.query.realtime.RedisChannels;
import dev.studybuddy.query.support.Chats;
import dev.studybuddy.query.support.Groups;
import dev.studybuddy.query.support.QuerySideIT;
import dev.studybuddy.query.support.Replays;
import dev.studybuddy.query.support.UserAccounts;
import dev.studybuddy.testing.ApiClient;
import dev.studybuddy.testing.TestTokenIssuer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.PatternTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

@QuerySideIT
class ChatHistoryIT {

    @Autowired
    ConsistencyTokens consistencyTokens;

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Groups groups;

    @Autowired
    Chats chats;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    MongoClient mongoClient;

    @Autowired
    MongoProperties mongoProperties;

    @Autowired
    RedisConnectionFactory redis;

    UUID owner;
    UUID member;
    UUID outsider;

    @BeforeEach
    void users() {
        owner = UUID.randomUUID();
        member = UUID.randomUUID();
        outsider = UUID.randomUUID();
    }

    @Test
    void historyPagesBackwardsAndAfterSeqReturnsPostsEditsAndDeletionsInOrderOfChange() {
        UUID groupId = group(GroupVisibility.PUBLIC);
        List<Chats.Posted> posted = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            posted.add(chats.post(groupId, i % 2 == 0 ? owner : member, "message " + i));
        }
        ConsistencyToken last = posted.get(6).token();

        JsonNode newest = ok(as(member)
                .withHeader(ConsistencyToken.HEADER, consistencyTokens.encode(last))
                .get("/api/groups/" + groupId + "/messages?limit=3"));
        assertThat(seqs(newest))
                .containsExactly(
                        posted.get(6).seq(), posted.get(5).seq(), posted.get(4).seq());
        assertThat(newest.get("items").get(0).get("body").asText()).isEqualTo("message 6");
        assertThat(newest.get("items").get(0).get("conversationId").asText()).isEqualTo("group:" + groupId);
        JsonNode older = ok(as(member)
                .get("/api/groups/" + groupId + "/messages?limit=3&beforeSeq="
                        + newest.get("nextCursor").asText()));
        assertThat(seqs(older))
                .containsExactly(
                        posted.get(3).seq(), posted.get(2).seq(), posted.get(1).seq());
        JsonNode oldest = ok(as(member)
                .get("/api/groups/" + groupId + "/messages?limit=3&beforeSeq="
                        + older.get("nextCursor").asText()));
        assertThat(seqs(oldest)).containsExactly(posted.get(0).seq());
        assertThat(oldest.get("nextCursor").isNull()).isTrue();

        long seen = posted.get(6).seq();
        ConsistencyToken edited = chats.edit(groupId, posted.get(2).messageId(), "message 2, edited");
        ConsistencyToken deleted = chats.delete(groupId, posted.get(4).messageId(), owner, true);
        Chats.Posted after = chats.post(groupId, owner, "message 7");

        JsonNode changes = ok(as(owner)
                .withHeader(ConsistencyToken.HEADER, consistencyTokens.encode(after.token()))
                .get("/api/groups/" + groupId + "/messages?afterSeq=" + seen));
        JsonNode items = changes.get("items");
        assertThat(items).hasSize(3);
        assertThat(items.get(0).get("seq").asLong()).isEqualTo(posted.get(2).seq());
        assertThat(items.get(0).get("changeSeq").asLong()).isEqualTo(edited.sequence());
        assertThat(items.get(0).get("body").asText()).isEqualTo("message 2, edited");
        assertThat(items.get(0).get("editedAt").asText()).endsWith("Z");
        assertThat(items.get(1).get("seq").asLong()).isEqualTo(posted.get(4).seq());
        assertThat(items.get(1).get("changeSeq").asLong()).isEqualTo(deleted.sequence());
        assertThat(items.get(1).get("deleted").asBoolean()).isTrue();
        assertThat(items.get(1).get("body").isNull()).isTrue();
        assertThat(items.get(2).get("body").asText()).isEqualTo("message 7");
        assertThat(changes.get("nextCursor").isNull()).isTrue();

        // the deleted message keeps its place in the backwards history
        JsonNode all = ok(as(owner).get("/api/groups/" + groupId + "/messages"));
        assertThat(all.get("items")).hasSize(8);
        assertThat(all.get("items").get(3).get("deleted").asBoolean()).isTrue();
    }

    @Test
    void onlyMembersReadAGroupsHistory() {
        UUID publicGroup = group(GroupVisibility.PUBLIC);
        UUID privateGroup = group(GroupVisibility.PRIVATE);
        applied(chats.post(publicGroup, owner, "hello").token());

        assertProblem(as(outsider).get("/api/groups/" + publicGroup + "/messages"), 403, "NOT_A_MEMBER");
        assertProblem(as(outsider).get("/api/groups/" + privateGroup + "/messages"), 404, "NOT_FOUND");
        assertProblem(as(outsider).get("/api/groups/" + UUID.randomUUID() + "/messages"), 404, "NOT_FOUND");
        assertProblem(as(outsider).get("/api/groups/" + publicGroup + "/unread"), 403, "NOT_A_MEMBER");
        assertProblem(
                as(member).get("/api/groups/" + publicGroup + "/messages?beforeSeq=5&afterSeq=1"),
                400,
                "MALFORMED_REQUEST");
        assertThat(as(member)
                        .get("/api/groups/" + publicGroup + "/messages?limit=201")
                        .status())
                .isEqualTo(400);
        assertThat(ok(as(member).get("/api/groups/" + publicGroup + "/messages"))
                        .get("items"))
                .hasSize(1);
    }

    @Test
    void unreadCountsFollowReadPositions() {
        UUID groupId = group(GroupVisibility.PRIVATE);
        Chats.Posted first = chats.post(groupId, owner, "one");
        chats.post(groupId, owner, "two");
        chats.post(groupId, member, "mine do not count");
        Chats.Posted fourth = chats.post(groupId, owner, "four");
        applied(fourth.token());
        JsonNode unread = ok(as(member).get("/api/groups/" + groupId + "/unread"));
        assertThat(unread.get("unreadCount").asLong()).isEqualTo(3);
        assertThat(unread.get("readSeq").asLong()).isEqualTo(-1);
        assertThat(unread.get("lastSeq").asLong()).isEqualTo(fourth.seq());

        applied(chats.markRead(groupId, member, first.seq()));
        assertThat(ok(as(member).get("/api/groups/" + groupId + "/unread"))
                        .get("unreadCount")
                        .asLong())
                .isEqualTo(2);

        // direct: the conversation list with the last message and unread count
        UUID owen = accounts.registered("Owen");
        UUID mia = accounts.registered("Mia");
        Chats.Posted hi = chats.sendDirect(owen, mia, "hi");
        chats.sendDirect(mia, owen, "hey");
        Chats.Posted latest = chats.sendDirect(owen, mia, "how are you?");
        applied(latest.token());
        JsonNode conversations = ok(as(mia).get("/api/direct")).get("items");
        assertThat(conversations).hasSize(1);
        assertThat(conversations.get(0).get("userId").asText()).isEqualTo(owen.toString());
        assertThat(conversations.get(0).get("lastMessage").get("body").asText()).isEqualTo("how are you?");
        assertThat(conversations.get(0).get("unreadCount").asLong()).isEqualTo(2);
        applied(chats.markDirectRead(mia, owen, hi.seq()));
        assertThat(ok(as(mia).get("/api/direct"))
                        .get("items")
                        .get(0)
                        .get("unreadCount")
                        .asLong())
                .isEqualTo(1);

        JsonNode history = ok(as(owen).get("/api/direct/" + mia + "/messages"));
        assertThat(history.get("items")).hasSize(3);
        assertThat(history.get("items").get(0).get("body").asText()).isEqualTo("how are you?");
        assertThat(ok(as(outsider).get("/api/direct/" + mia + "/messages")).get("items"))
                .as("anyone else's conversation with Mia is their own")
                .isEmpty();
        assertProblem(as(owen).get("/api/direct/" + UUID.randomUUID() + "/messages"), 404, "NOT_FOUND");
        assertProblem(as(owen).get("/api/direct/" + owen + "/messages"), 404, "NOT_FOUND");
        assertProblem(
                as(mia).get("/api/direct?cursor=" + Cursors.encode(Long.MAX_VALUE + "|direct:x")),
                400,
                "MALFORMED_REQUEST");
    }

    @Test
    void aReplayRebuildsIdenticalDocumentsAndPublishesNothing() throws Exception {
        UUID groupId = group(GroupVisibility.PUBLIC);
        Chats.Posted posted = chats.post(groupId, owner, "to be edited");
        chats.edit(groupId, posted.messageId(), "edited");
        Chats.Posted gone = chats.post(groupId, member, "to be deleted");
        chats.delete(groupId, gone.messageId(), member, false);
        chats.pin(groupId, posted.messageId(), owner);
        chats.react(groupId, posted.messageId(), member, ":tada:");
        chats.react(groupId, posted.messageId(), owner, ":tada:");
        chats.unreact(groupId, posted.messageId(), member, ":tada:");
        Chats.Posted unpinned = chats.post(groupId, owner, "pinned, then not");
        chats.pin(groupId, unpinned.messageId(), owner);
        ConsistencyToken lastOfTheGroup = chats.unpin(groupId, unpinned.messageId(), owner);
        ConsistencyToken read = chats.markRead(groupId, member, posted.seq());
        Chats.Posted direct = chats.sendDirect(owner, member, "direct");
        chats.pinDirect(member, owner, direct.messageId());
        chats.reactDirect(member, owner, direct.messageId(), "\uD83D\uDC4D");
        // every stream's last event applied, so that no live frame of this test is still on its way
        for (ConsistencyToken last : List.of(lastOfTheGroup, read, chats.markDirectRead(member, owner, 0))) {
            applied(last);
        }

        List<String> published = new java.util.concurrent.CopyOnWriteArrayList<>();
        RedisMessageListenerContainer listener = new RedisMessageListenerContainer();
        listener.setConnectionFactory(redis);
        listener.addMessageListener(
                (message, pattern) -> published.add(new String(message.getBody())),
                new PatternTopic(RedisChannels.CHAT_PATTERN));
        listener.afterPropertiesSet();
        listener.start();
        try {
            Thread.sleep(1000);
            published.clear();
            Replays.assertReplayRebuilds(processing, ChatProjection.PROCESSING_GROUP, this::documents);
            Thread.sleep(1000);
            assertThat(published).as("Redis publications during the replay").isEmpty();
        } finally {
            listener.stop();
            listener.destroy();
        }
    }

    private Map<String, List<Map<String, Object>>> documents() {
        Map<String, List<Map<String, Object>>> all = new LinkedHashMap<>();
        for (String collection : List.of(
                ChatViews.MESSAGES,
                ChatReadPositions.COLLECTION,
                DirectConversations.COLLECTION,
                ChatPins.COLLECTION)) {
            List<Map<String, Object>> documents = new ArrayList<>();
            mongoClient
                    .getDatabase(mongoProperties.getMongoClientDatabase())
                    .getCollection(collection)
                    .find()
                    .sort(new Document("_id", 1))
                    .forEach(document -> documents.add(new LinkedHashMap<>(document)));
            all.put(collection, documents);
        }
        return all;
    }

    private UUID group(GroupVisibility visibility) {
        Groups.Created created = groups.create(owner, "Chat " + UUID.randomUUID(), visibility, JoinPolicy.OPEN, 50);
        accounts.awaitProjected("groups", created.token());
        ConsistencyToken joined = groups.join(created.groupId(), member);
        accounts.awaitProjected("groups", joined);
        return created.groupId();
    }

    private void applied(ConsistencyToken token) {
        accounts.awaitProjected(ChatProjection.PROCESSING_GROUP, token);
    }

    private static List<Long> seqs(JsonNode page) {
        List<Long> seqs = new ArrayList<>();
        page.get("items").forEach(item -> seqs.add(item.get("seq").asLong()));
        return seqs;
    }

    private static JsonNode ok(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.header(ConsistencyToken.STATUS_HEADER)).isEmpty();
        return response.json();
    }

    private static void assertProblem(ApiClient.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asText()).isEqualTo(code);
    }

    private ApiClient as(UUID userId) {
        return ApiClient.on(port).withToken(TestTokenIssuer.get().accessToken(userId));
    }
}
