package dev.studybuddy.query.erasure;

import static dev.studybuddy.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import dev.studybuddy.api.file.FilePurpose;
import dev.studybuddy.api.friendship.FriendshipId;
import dev.studybuddy.api.group.GroupVisibility;
import dev.studybuddy.api.group.JoinPolicy;
import dev.studybuddy.api.user.UserErasedEvent;
import dev.studybuddy.platform.audit.ChainVerifier;
import dev.studybuddy.platform.audit.PlainTextRedaction;
import dev.studybuddy.platform.audit.StoredEvents;
import dev.studybuddy.platform.consistency.ConsistencyToken;
import dev.studybuddy.platform.personaldata.PersonalDataKeys;
import dev.studybuddy.platform.personaldata.PersonalDataProperties;
import dev.studybuddy.platform.personaldata.PlainFields;
import dev.studybuddy.query.realtime.Conversations;
import dev.studybuddy.query.support.Chats;
import dev.studybuddy.query.support.Friendships;
import dev.studybuddy.query.support.Groups;
import dev.studybuddy.query.support.QuerySideIT;
import dev.studybuddy.query.support.Replays;
import dev.studybuddy.query.support.StoredFiles;
import dev.studybuddy.query.support.UserAccounts;
import dev.studybuddy.testing.ApiClient;
import dev.studybuddy.testing.PlainEvents;
import dev.studybuddy.testing.StoredText;
import dev.studybuddy.testing.TestTokenIssuer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An erased user in every read model (docs/adr/0019), over HTTP: a deleted user in the profile, messages that keep
 * their place without bodies, nothing of theirs found by search, their files gone; and a replay of each projection
 * rebuilds exactly that, since their events' texts read as nothing once their key is destroyed.
 */
@QuerySideIT
@ExtendWith(OutputCaptureExtension.class)
class ErasureIT {

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Groups groups;

    @Autowired
    Chats chats;

    @Autowired
    Friendships friendships;

    @Autowired
    StoredFiles files;

    @Autowired
    PersonalDataKeys keys;

    @Autowired
    PersonalDataProperties personalDataProperties;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MongoClient mongoClient;

    @Autowired
    MongoTemplate axonMongoTemplate;

    @Autowired
    StoredEvents storedEvents;

    @Autowired
    EventStore eventStore;

    @Autowired
    ObjectMapper objectMapper;

    @Value("${spring.data.mongodb.database}")
    String database;

    @Test
    void anErasedUserIsADeletedUserEverywhereAndAReplayBringsNothingBack(CapturedOutput log) {
        Written written = write();
        eraseAndReplay(written);

        // nor in what this service logged while it projected, served and replayed them
        assertThat(log.getAll()).doesNotContain(written.alicesTexts());
    }

    /**
     * Events stored in clear text before personal fields were sealed: the redaction seals them, and the erasure then
     * takes them like any other. The store holds none of it in clear, every chain verifies, a replay brings nothing back.
     */
    @Test
    void textsStoredInClearTextBeforeSealingAreRedactedAndThenErasedLikeAnyOther() {
        Written written = write();
        PlainEvents plain = new PlainEvents(eventStore, axonMongoTemplate, storedEvents, objectMapper);
        written.streams().forEach(plain::storeInClearText);
        assertThat(storedText()).contains(written.alicesTexts());

        PlainTextRedaction.Report report = new PlainTextRedaction(
                        axonMongoTemplate, mongoClient.getDatabase(database), new PlainFields(keys))
                .run("an administrator", Instant.now());

        assertThat(report.refused()).isEmpty();
        assertThat(storedText()).doesNotContain(written.alicesTexts());
        assertThat(ok(as(written.bob()).get("/api/users/" + written.alice()))
                        .get("username")
                        .asText())
                .isEqualTo(written.name());
        eraseAndReplay(written);
        assertThat(storedText()).doesNotContain(written.alicesTexts());
        for (String stream : written.streams()) {
            assertThat(ChainVerifier.verify(storedEvents, stream).status())
                    .as(stream)
                    .isEqualTo(ChainVerifier.Verification.OK);
        }
    }

    /**
     * A batch that read a text with its author's key before the erasure and stores it after the erasure's handler took
     * the author's texts away (another segment of the processor, or a node that had not heard of the erasure yet: its
     * cache still holds the key) takes it away itself: the history shows no body, search finds nothing, a file keeps no
     * name.
     */
    @Test
    void aTextStoredAfterTheErasureWasHandledIsTakenAwayToo() {
        StreamingEventProcessor users = processing
                .eventProcessor("users", StreamingEventProcessor.class)
                .orElseThrow();
        // each case has an author of its own: the first batch that finds the tombstone makes this node forget the key
        List<UUID> erased = new ArrayList<>();
        try {
            Written author = erasedElsewhere(users, erased);
            UUID alice = author.alice();
            Chats.Posted late = chats.post(author.groupId(), alice, "alicewords late " + author.marker());
            ConsistencyToken edited =
                    chats.edit(author.groupId(), late.messageId(), alice, "alicewords late edit " + author.marker());
            applied("chat", edited);
            applied("message-search", edited);

            assertThat(messages(author.groupId(), alice, author.bob()))
                    .filteredOn(message -> alice.toString().equals(message.get("senderId")))
                    .extracting(message -> message.get("messageId"), message -> message.get("body"))
                    .contains(tuple(late.messageId().toString(), null))
                    .allSatisfy(
                            idAndBody -> assertThat(idAndBody.toList().get(1)).isNull());
            assertThat(jdbc.queryForObject(
                            "SELECT count(*) FROM message_search WHERE sender_id = ?", Long.class, alice))
                    .isZero();

            users.start();
            Written owner = erasedElsewhere(users, erased);
            StoredFiles.Uploaded lateFile = files.upload(
                    owner.alice(),
                    FilePurpose.ATTACHMENT,
                    "text/plain",
                    "late-" + owner.marker() + ".txt",
                    "late".getBytes(StandardCharsets.UTF_8));
            applied("files", lateFile.token());

            assertThat(jdbc.queryForObject(
                            "SELECT count(*) FROM files WHERE owner_id = ? AND file_name IS NOT NULL",
                            Long.class,
                            owner.alice()))
                    .isZero();
        } finally {
            users.start();
            erased.forEach(keys::evict);
        }
    }

    /**
     * Alice as command-side's erasure on another node leaves her: her key's tombstone, then the event, handled by the
     * projections; this node's cache still holds her key. The users projection, which makes this node forget the key
     * when it handles the erasure, is stopped (until the caller starts it again), as this node had not heard of it.
     */
    private Written erasedElsewhere(StreamingEventProcessor users, List<UUID> erased) {
        Written written = write();
        UUID alice = written.alice();
        erased.add(alice);
        users.shutDown();
        // command-side's keys, another node's: the tombstone, and the wait before the erasure's event
        new PersonalDataKeys(mongoClient.getDatabase(database), personalDataProperties).destroy(alice);
        ConsistencyToken token = accounts.publish(alice, new UserErasedEvent(alice));
        applied("chat", token);
        applied("message-search", token);
        applied("files", token);
        return written;
    }

    /** What alice and bob wrote, through the store as command-side writes it (sealed). */
    private Written write() {
        // letters only: one word to the search's parser
        String marker = "mk"
                + UUID.randomUUID()
                        .toString()
                        .substring(0, 8)
                        .chars()
                        .mapToObj(c -> String.valueOf((char) (Character.isDigit(c) ? 'g' + (c - '0') : c)))
                        .reduce("", String::concat);
        String name = UserAccounts.uniqueUsername("erased");
        UUID alice = accounts.register(name, "Alice " + marker).userId();
        accounts.changeProfile(alice, "Alice " + marker, "my bio " + marker);
        UUID bob =
                accounts.register(UserAccounts.uniqueUsername("stays"), "Bob").userId();
        UUID groupId = groups.create(bob, "Erasure " + marker, GroupVisibility.PRIVATE, JoinPolicy.OPEN, 10)
                .groupId();
        groups.join(groupId, alice);
        Chats.Posted alicesPost = chats.post(groupId, alice, "alicewords " + marker);
        chats.edit(groupId, alicesPost.messageId(), alice, "alicewords edited " + marker);
        Chats.Posted bobsPost = chats.post(groupId, bob, "bobwords " + marker);
        friendships.request(alice, bob);
        friendships.accept(alice, bob);
        Chats.Posted direct = chats.sendDirect(alice, bob, "alicewords direct " + marker);
        byte[] content = ("notes " + marker).getBytes(StandardCharsets.UTF_8);
        StoredFiles.Uploaded file =
                files.upload(alice, FilePurpose.ATTACHMENT, "text/plain", "diary-" + marker + ".txt", content);
        applied("chat", direct.token());
        applied("files", file.token());
        assertThat(ok(as(bob).get("/api/users/" + alice)).get("username").asText())
                .isEqualTo(name);
        return new Written(marker, name, alice, bob, groupId, alicesPost, bobsPost, direct, file, content);
    }

    private void eraseAndReplay(Written written) {
        UUID alice = written.alice();
        // what command-side's erasure does to the store: the key first, then the event (and the files' deletion)
        keys.destroy(alice);
        ConsistencyToken erased = accounts.publish(alice, new UserErasedEvent(alice));
        ConsistencyToken fileDeleted = files.delete(written.file(), alice, written.content().length);
        applied("users", erased);
        applied("chat", erased);
        applied("message-search", erased);
        applied("files", fileDeleted);

        assertErased(written);

        Replays.assertReplayRebuilds(processing, "users", () -> Map.of("users", jdbc.queryForList("""
                SELECT user_id, username, display_name, bio, avatar_file_id, roles, active, erased, registered_at,
                       updated_at FROM users ORDER BY user_id""")));
        Replays.assertReplayRebuilds(
                processing,
                "message-search",
                () -> Map.of(
                        "message_search",
                        jdbc.queryForList(
                                "SELECT message_id, body, edited_at FROM message_search ORDER BY message_id")));
        Replays.assertReplayRebuilds(processing, "files", () -> Map.of("files", jdbc.queryForList("""
                SELECT file_id, owner_id, file_name, deleted_at FROM files ORDER BY file_id""")));
        Replays.assertReplayRebuilds(
                processing, "chat", () -> Map.of("chat_messages", messages(written.groupId(), alice, written.bob())));

        assertErased(written);
    }

    private record Written(
            String marker,
            String name,
            UUID alice,
            UUID bob,
            UUID groupId,
            Chats.Posted alicesPost,
            Chats.Posted bobsPost,
            Chats.Posted direct,
            StoredFiles.Uploaded file,
            byte[] content) {

        List<String> streams() {
            return List.of(
                    alice.toString(),
                    groupId.toString(),
                    FriendshipId.of(alice, bob),
                    file.fileId().toString());
        }

        String[] alicesTexts() {
            return new String[] {name, "Alice " + marker, "my bio " + marker, "alicewords", "diary-" + marker};
        }
    }

    private String storedText() {
        return StoredText.of(mongoClient.getDatabase(database));
    }

    private void assertErased(Written written) {
        UUID alice = written.alice();
        UUID bob = written.bob();
        UUID groupId = written.groupId();
        Chats.Posted alicesPost = written.alicesPost();
        Chats.Posted bobsPost = written.bobsPost();
        Chats.Posted direct = written.direct();
        StoredFiles.Uploaded file = written.file();
        String marker = written.marker();
        ApiClient staff = ApiClient.on(port).withToken(accounts.tokenOfNew("USER", "ADMIN"));
        JsonNode profile = ok(staff.get("/api/users/" + alice));
        assertThat(profile.get("erased").asBoolean()).as(profile.toString()).isTrue();
        assertThat(profile.get("username").isNull()).isTrue();
        assertThat(profile.get("displayName").isNull()).isTrue();
        assertThat(profile.get("bio").isNull()).isTrue();
        assertThat(profile.get("active").asBoolean()).isFalse();
        assertProblem(as(bob).get("/api/users/" + alice), 404, "NOT_FOUND");

        JsonNode history = ok(as(bob).get("/api/groups/" + groupId + "/messages?limit=50"));
        Map<String, JsonNode> byId = new HashMap<>();
        history.get("items").forEach(item -> byId.put(item.get("messageId").asText(), item));
        JsonNode alicesMessage = byId.get(alicesPost.messageId().toString());
        assertThat(alicesMessage).as(history.toString()).isNotNull();
        assertThat(alicesMessage.get("senderId").asText()).isEqualTo(alice.toString());
        assertThat(alicesMessage.path("body").isMissingNode()
                        || alicesMessage.get("body").isNull())
                .as(alicesMessage.toString())
                .isTrue();
        assertThat(byId.get(bobsPost.messageId().toString()).get("body").asText())
                .isEqualTo("bobwords " + marker);

        JsonNode directs = ok(as(bob).get("/api/direct/" + alice + "/messages?limit=50"));
        assertThat(directs.get("items")).hasSize(1);
        JsonNode directMessage = directs.get("items").get(0);
        assertThat(directMessage.get("messageId").asText())
                .isEqualTo(direct.messageId().toString());
        assertThat(directMessage.path("body").isMissingNode()
                        || directMessage.get("body").isNull())
                .isTrue();

        assertThat(ok(as(bob).get("/api/search/messages?q=" + URLEncoder.encode(marker, StandardCharsets.UTF_8)))
                        .get("items"))
                .extracting(item -> item.get("messageId").asText())
                .containsExactly(bobsPost.messageId().toString());

        assertProblem(as(bob).get("/api/files/" + file.fileId() + "/meta"), 404, "NOT_FOUND");
        assertThat(jdbc.queryForObject(
                        "SELECT deleted_at IS NOT NULL FROM files WHERE file_id = ?", Boolean.class, file.fileId()))
                .isTrue();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM files WHERE owner_id = ? AND file_name IS NOT NULL", Long.class, alice))
                .isZero();
    }

    private List<Map<String, Object>> messages(UUID groupId, UUID alice, UUID bob) {
        List<Map<String, Object>> rows = new ArrayList<>();
        mongoClient
                .getDatabase(database)
                .getCollection("chat_messages")
                .find(Filters.in("conversationId", Conversations.group(groupId), Conversations.direct(alice, bob)))
                .sort(Sorts.ascending("conversationId", "seq"))
                .forEach((Document document) -> rows.add(new TreeMap<>(document)));
        return rows;
    }

    private void applied(String processingGroup, ConsistencyToken token) {
        accounts.awaitProjected(processingGroup, token);
    }

    private ApiClient as(UUID userId) {
        return ApiClient.on(port).withToken(TestTokenIssuer.get().accessToken(userId));
    }

    private static JsonNode ok(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }
}
