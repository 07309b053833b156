package dev.studybuddy.query.search;

import static dev.studybuddy.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.studybuddy.api.friendship.FriendshipId;
import dev.studybuddy.api.group.GroupVisibility;
import dev.studybuddy.api.group.JoinPolicy;
import dev.studybuddy.platform.consistency.ConsistencyToken;
import dev.studybuddy.platform.consistency.ConsistencyTokens;
import dev.studybuddy.query.support.Chats;
import dev.studybuddy.query.support.Friendships;
import dev.studybuddy.query.support.Groups;
import dev.studybuddy.query.support.QuerySideIT;
import dev.studybuddy.query.support.Replays;
import dev.studybuddy.query.support.SecondNode;
import dev.studybuddy.query.support.UserAccounts;
import dev.studybuddy.testing.ApiClient;
import dev.studybuddy.testing.TestTokenIssuer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Message search over real HTTP against the real PostgreSQL index (docs/api.md "Message search"): stems,
 * phrases, authors, ranking, paging, edits and deletions reaching the index, who finds what (current members,
 * the two of a direct conversation), a replay rebuilding the same index, and bad input refused as problems.
 */
@QuerySideIT
class MessageSearchIT {

    @Autowired
    ConsistencyTokens consistencyTokens;

    private static final String GROUPS = "groups";

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
    EventProcessingConfiguration processing;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Environment environment;

    UUID owner;
    UUID member;

    @BeforeEach
    void users() {
        owner = UUID.randomUUID();
        member = UUID.randomUUID();
    }

    @Test
    void findsWordStemsAndPhrasesWithHighlightedSnippets() {
        UUID groupId = group(GroupVisibility.PRIVATE);
        Chats.Posted studying = chats.post(groupId, owner, "I am studying linear algebra tonight");
        Chats.Posted regression = chats.post(groupId, member, "Linear regression, then the algebra of sets");
        Chats.Posted other = chats.post(groupId, owner, "Anyone up for lunch?");

        JsonNode stem = search(member, "study", other.token());
        assertThat(ids(stem)).containsExactly(studying.messageId());
        JsonNode hit = stem.get("items").get(0);
        assertThat(hit.get("snippet").asText()).contains("<mark>studying</mark>");
        assertThat(hit.get("conversationId").asText()).isEqualTo("group:" + groupId);
        assertThat(hit.get("seq").asLong()).isEqualTo(studying.seq());
        assertThat(hit.get("senderId").asText()).isEqualTo(owner.toString());
        assertThat(hit.get("postedAt").asText()).endsWith("Z");
        assertThat(hit.get("editedAt").isNull()).isTrue();

        assertThat(ids(search(member, "\"linear algebra\"", null))).containsExactly(studying.messageId());
        assertThat(ids(search(member, "algebra", null)))
                .containsExactlyInAnyOrder(studying.messageId(), regression.messageId());
        assertThat(ids(search(member, "algebra -regression", null))).containsExactly(studying.messageId());
        assertThat(ids(search(member, "lunch or regression", null)))
                .containsExactlyInAnyOrder(other.messageId(), regression.messageId());
    }

    @Test
    void fromUsernameNarrowsToOneAuthorAndAloneListsTheirMessagesNewestFirst() {
        String adaName = UserAccounts.uniqueUsername("ada");
        accounts.awaitProjected("users", accounts.register(adaName, "Ada").token());
        UUID ada = UUID.fromString(jdbc.queryForObject(
                "SELECT CAST(user_id AS text) FROM users WHERE username = ?", String.class, adaName));
        UUID groupId = group(GroupVisibility.PUBLIC);
        applied(GROUPS, groups.join(groupId, ada));
        Chats.Posted first = chats.post(groupId, ada, "Proofs by induction are fun");
        Chats.Posted byOwner = chats.post(groupId, owner, "Induction needs a base case");
        Chats.Posted second = chats.post(groupId, ada, "Lunch at noon");

        assertThat(ids(search(member, "from:@" + adaName + " induction", second.token())))
                .containsExactly(first.messageId());
        assertThat(ids(search(member, "induction FROM:@" + adaName.toUpperCase(), null)))
                .containsExactly(first.messageId());
        JsonNode all = search(member, "from:@" + adaName, null);
        assertThat(ids(all)).containsExactly(second.messageId(), first.messageId());
        assertThat(all.get("items").get(0).get("snippet").asText()).isEqualTo("Lunch at noon");
        assertThat(ids(search(member, "induction", null)))
                .containsExactlyInAnyOrder(first.messageId(), byOwner.messageId());
        assertThat(ids(search(
                        member, "from:@nobody_" + UUID.randomUUID().toString().substring(0, 8) + " induction", null)))
                .isEmpty();
    }

    @Test
    void ranksDenserMatchesFirstAndPagesWithAnOpaqueCursor() {
        UUID groupId = group(GroupVisibility.PRIVATE);
        Chats.Posted once = chats.post(groupId, owner, "Quantum homework is due");
        Chats.Posted thrice = chats.post(groupId, owner, "Quantum quantum quantum, all day long");
        Chats.Posted twice = chats.post(groupId, member, "Quantum states and quantum gates");
        Chats.Posted onceLater = chats.post(groupId, member, "Quantum again, but only once");

        JsonNode page1 = search(member, "quantum&limit=2", onceLater.token());
        assertThat(ids(page1)).containsExactly(thrice.messageId(), twice.messageId());
        String cursor = page1.get("nextCursor").asText();
        JsonNode page2 = ok(as(member).get("/api/search/messages?q=quantum&limit=2&cursor=" + cursor));
        // equal ranks: the newer first
        assertThat(ids(page2)).containsExactly(onceLater.messageId(), once.messageId());
        String next = page2.get("nextCursor").isNull()
                ? null
                : page2.get("nextCursor").asText();
        if (next != null) {
            assertThat(ids(ok(as(member).get("/api/search/messages?q=quantum&limit=2&cursor=" + next))))
                    .isEmpty();
        }
        JsonNode whole = ok(as(member).get("/api/search/messages?q=quantum&limit=50"));
        assertThat(ids(whole))
                .containsExactly(thrice.messageId(), twice.messageId(), onceLater.messageId(), once.messageId());
        assertThat(whole.get("nextCursor").isNull()).isTrue();

        assertProblem(
                as(member).get("/api/search/messages?q=homework&limit=2&cursor=" + cursor), 400, "MALFORMED_REQUEST");
        assertProblem(as(member).get("/api/search/messages?q=quantum&cursor=bm90LW91cnM"), 400, "MALFORMED_REQUEST");
        assertProblem(
                as(member).get("/api/search/messages?q=quantum&cursor=" + "x".repeat(600)), 400, "MALFORMED_REQUEST");
    }

    @Test
    void filtersByConversationAndTime() {
        UUID groupId = group(GroupVisibility.PRIVATE);
        UUID otherGroup = group(GroupVisibility.PRIVATE);
        Chats.Posted here = chats.post(groupId, owner, "Chemistry lab report");
        Chats.Posted there = chats.post(otherGroup, owner, "Chemistry exam dates");
        Chats.Posted direct = chats.sendDirect(member, owner, "Chemistry together?");
        applied(MessageSearchProjection.PROCESSING_GROUP, there.token());
        applied(MessageSearchProjection.PROCESSING_GROUP, direct.token());

        assertThat(ids(search(member, "chemistry&conversationId=group:" + groupId, here.token())))
                .containsExactly(here.messageId());
        assertThat(ids(search(member, "chemistry&conversationId=direct:" + FriendshipId.of(member, owner), null)))
                .containsExactly(direct.messageId());
        assertThat(ids(search(
                        member,
                        "chemistry&conversationId=group:" + groupId.toString().toUpperCase(),
                        null)))
                .containsExactly(here.messageId());
        assertThat(ids(search(member, "chemistry", null))).hasSize(3);
        JsonNode first = search(member, "chemistry&conversationId=group:" + groupId, null)
                .get("items")
                .get(0);
        String postedAt = first.get("postedAt").asText();
        assertThat(ids(search(member, "chemistry&conversationId=group:" + groupId + "&from=" + postedAt, null)))
                .containsExactly(here.messageId());
        assertThat(ids(search(member, "chemistry&conversationId=group:" + groupId + "&to=" + postedAt, null)))
                .isEmpty();
        assertThat(ids(search(member, "chemistry&from=2000-01-01T00:00:00Z&to=2000-01-02T00:00:00Z", null)))
                .isEmpty();
    }

    @Test
    void anEditReachesTheIndexAndADeletedMessageIsNeverFound() {
        UUID groupId = group(GroupVisibility.PRIVATE);
        Chats.Posted posted = chats.post(groupId, owner, "Draft about photosynthesis");
        assertThat(ids(search(member, "photosynthesis", posted.token()))).containsExactly(posted.messageId());

        ConsistencyToken edited = chats.edit(groupId, posted.messageId(), "Final notes on mitochondria");
        assertThat(ids(search(member, "photosynthesis", edited))).isEmpty();
        JsonNode found = search(member, "mitochondria", null);
        assertThat(ids(found)).containsExactly(posted.messageId());
        assertThat(found.get("items").get(0).get("editedAt").asText()).endsWith("Z");

        ConsistencyToken deleted = chats.delete(groupId, posted.messageId(), owner, false);
        assertThat(ids(search(member, "mitochondria", deleted))).isEmpty();
        assertThat(ids(search(owner, "from:@anyone mitochondria", null))).isEmpty();

        Chats.Posted dm = chats.sendDirect(owner, member, "Secret thermodynamics cheat sheet");
        assertThat(ids(search(member, "thermodynamics", dm.token()))).containsExactly(dm.messageId());
        ConsistencyToken dmEdited = chats.editDirect(owner, member, dm.messageId(), "Secret entropy cheat sheet");
        assertThat(ids(search(owner, "thermodynamics", dmEdited))).isEmpty();
        assertThat(ids(search(owner, "entropy", null))).containsExactly(dm.messageId());
        ConsistencyToken dmDeleted = chats.deleteDirect(owner, member, dm.messageId());
        assertThat(ids(search(member, "entropy", dmDeleted))).isEmpty();
        assertThat(ids(search(owner, "entropy", null))).isEmpty();
    }

    @Test
    void aRemovedMemberFindsNothingOfTheGroupAnyMore() {
        UUID privateGroup = group(GroupVisibility.PRIVATE);
        UUID publicGroup = group(GroupVisibility.PUBLIC);
        chats.post(privateGroup, owner, "Astronomy club meets on Friday");
        Chats.Posted open = chats.post(publicGroup, owner, "Astronomy photos from last night");
        assertThat(ids(search(member, "astronomy", open.token()))).hasSize(2);

        applied(GROUPS, groups.remove(privateGroup, member, owner));
        applied(GROUPS, groups.leave(publicGroup, member));
        assertThat(ids(search(member, "astronomy", null))).isEmpty();
        assertProblem(
                as(member).get("/api/search/messages?q=astronomy&conversationId=group:" + privateGroup),
                404,
                "NOT_FOUND");
        assertProblem(
                as(member).get("/api/search/messages?q=astronomy&conversationId=group:" + publicGroup),
                403,
                "NOT_A_MEMBER");
        assertThat(ids(search(owner, "astronomy", null))).hasSize(2);

        UUID stranger = UUID.randomUUID();
        assertThat(ids(search(stranger, "astronomy", null))).isEmpty();
        assertProblem(
                as(stranger).get("/api/search/messages?q=astronomy&conversationId=group:" + UUID.randomUUID()),
                404,
                "NOT_FOUND");
    }

    @Test
    void directMessagesAreFoundByTheTwoOnlyAlsoAfterABlock() {
        UUID ada = UUID.randomUUID();
        UUID ben = UUID.randomUUID();
        UUID stranger = UUID.randomUUID();
        applied("friendships", friendships.accept(ada, ben));
        Chats.Posted dm = chats.sendDirect(ada, ben, "Meet me at the geology museum");
        assertThat(ids(search(ben, "geology", dm.token()))).containsExactly(dm.messageId());
        assertThat(ids(search(ada, "geology", null))).containsExactly(dm.messageId());
        assertThat(ids(search(stranger, "geology", null))).isEmpty();
        String conversation = "direct:" + FriendshipId.of(ada, ben);
        assertProblem(
                as(stranger).get("/api/search/messages?q=geology&conversationId=" + conversation), 404, "NOT_FOUND");

        applied("friendships", friendships.block(ben, ada, true, null));
        assertThat(ids(search(ada, "geology", null))).containsExactly(dm.messageId());
        assertThat(ids(search(ben, "geology&conversationId=" + conversation, null)))
                .containsExactly(dm.messageId());
        assertThat(ids(search(stranger, "geology", null))).isEmpty();
    }

    @Test
    void snippetsAreEscapedAndOddQueriesNeverFail() {
        UUID groupId = group(GroupVisibility.PRIVATE);
        Chats.Posted markup = chats.post(groupId, owner, "Homework: read chapter 3 & do exercises <1-5> by \"Friday\"");
        Chats.Posted german = chats.post(groupId, owner, "Übung macht den Meister");
        Chats.Posted japanese = chats.post(groupId, owner, "日本語 テスト");
        applied(MessageSearchProjection.PROCESSING_GROUP, markup.token());
        applied(MessageSearchProjection.PROCESSING_GROUP, japanese.token());

        String snippet = search(member, "homework", null)
                .get("items")
                .get(0)
                .get("snippet")
                .asText();
        assertThat(snippet)
                .startsWith("<mark>Homework</mark>: read chapter 3 &amp; do exercises &lt;1-5&gt; by &quot;Friday");
        assertThat(ids(search(member, "übung", null))).containsExactly(german.messageId());
        assertThat(ids(search(member, "日本語", null))).containsExactly(japanese.messageId());

        for (String odd : List.of(
                "\"",
                "\"\"",
                "&|!",
                ":*",
                "a:*",
                "!!",
                "<->",
                "(",
                ")",
                "'",
                "\\",
                "-",
                "or",
                "the",
                "*",
                "%",
                "_",
                "\"unterminated phrase",
                "homework:*",
                "&",
                "|",
                "!homework",
                "🎉",
                "ΣΩ",
                "a'b'c",
                "from:@x:*",
                "\u202Ereversed",
                "x".repeat(200),
                "ü".repeat(200))) {
            ApiClient.Response response = as(member).get("/api/search/messages?q=" + encode(odd));
            assertThat(response.status()).as(odd + ": " + response).isEqualTo(200);
            assertThat(response.json().get("items").isArray()).as(odd).isTrue();
        }
    }

    @Test
    void wordsInAngleBracketsAreFoundAndShownAsTyped() {
        UUID groupId = group(GroupVisibility.PRIVATE);
        Chats.Posted generics =
                chats.post(groupId, owner, "Return a Map<String> from the <vector> header, not <b>arrays</b> today");
        applied(MessageSearchProjection.PROCESSING_GROUP, generics.token());

        for (String word : List.of("string", "vector", "arrays", "Map<String>", "\"the <vector> header\"")) {
            assertThat(ids(search(member, word, null))).as(word).containsExactly(generics.messageId());
        }
        assertThat(search(member, "vector", null)
                        .get("items")
                        .get(0)
                        .get("snippet")
                        .asText())
                .isEqualTo(
                        "Return a Map&lt;String&gt; from the &lt;<mark>vector</mark>&gt; header, not &lt;b&gt;arrays&lt;/b&gt; today");
    }

    @Test
    void badInputIsRefusedWithStableCodes() {
        String path = "/api/search/messages";
        assertProblem(as(member).get(path), 400, "VALIDATION_FAILED");
        assertProblem(as(member).get(path + "?q="), 400, "VALIDATION_FAILED");
        assertProblem(as(member).get(path + "?q=%20%20"), 400, "VALIDATION_FAILED");
        assertProblem(as(member).get(path + "?q=" + "x".repeat(201)), 400, "VALIDATION_FAILED");
        assertProblem(as(member).get(path + "?q=a%01b"), 400, "VALIDATION_FAILED");
        assertProblem(as(member).get(path + "?q=a%0Ab"), 400, "VALIDATION_FAILED");
        assertProblem(as(member).get(path + "?q=a%00b"), 400, "MALFORMED_REQUEST");
        assertProblem(as(member).get(path + "?q=from:@"), 400, "VALIDATION_FAILED");
        assertProblem(as(member).get(path + "?q=from:@a%20from:@b"), 400, "VALIDATION_FAILED");
        assertProblem(as(member).get(path + "?q=x&limit=0"), 400, "VALIDATION_FAILED");
        assertProblem(as(member).get(path + "?q=x&limit=51"), 400, "VALIDATION_FAILED");
        assertProblem(as(member).get(path + "?q=x&limit=many"), 400, "MALFORMED_REQUEST");
        assertProblem(as(member).get(path + "?q=x&from=yesterday"), 400, "VALIDATION_FAILED");
        assertProblem(as(member).get(path + "?q=x&to=2026-13-01T00:00:00Z"), 400, "VALIDATION_FAILED");
        assertProblem(as(member).get(path + "?q=x&from=%2B100000-01-01T00:00:00Z"), 400, "VALIDATION_FAILED");
        assertProblem(
                as(member).get(path + "?q=x&from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z"),
                400,
                "VALIDATION_FAILED");
        assertProblem(as(member).get(path + "?q=x&conversationId=general"), 400, "VALIDATION_FAILED");
        assertProblem(as(member).get(path + "?q=x&conversationId=group:nope"), 400, "VALIDATION_FAILED");
        assertProblem(as(member).get(path + "?q=x&conversationId=direct:nope"), 400, "VALIDATION_FAILED");
        assertProblem(as(member).get(path + "?q=x&cursor=%25%25"), 400, "MALFORMED_REQUEST");
        assertProblem(ApiClient.on(port).get(path + "?q=x"), 401, "UNAUTHENTICATED");
    }

    @Test
    void theOpenApiDescriptionDescribesTheSearch() {
        JsonNode operation = ok(ApiClient.on(port).get("/v3/api-docs"))
                .path("paths")
                .path("/api/search/messages")
                .path("get");
        assertThat(operation.path("summary").asText()).contains("Search");
        assertThat(operation.path("parameters").findValuesAsText("name"))
                .contains("q", "conversationId", "from", "to", "limit", "cursor");
    }

    /**
     * A row the database refuses (here by a test trigger, in production say a NUL from a poisoned stream) parks the
     * event in the projection's dead-letter queue with every later event of its conversation, while other
     * conversations flow on; an administrator's retry applies them once the cause is gone.
     */
    @Test
    void aMessageTheIndexRefusesIsParkedForItsConversationWhileOthersFlowOn() {
        UUID stuck = group(GroupVisibility.PRIVATE);
        UUID flowing = group(GroupVisibility.PRIVATE);
        jdbc.execute("""
                CREATE FUNCTION refuse_zoology() RETURNS trigger LANGUAGE plpgsql
                AS $$ BEGIN RAISE EXCEPTION 'refused for MessageSearchIT'; END $$""");
        jdbc.execute("""
                CREATE TRIGGER refuse_zoology BEFORE INSERT ON message_search FOR EACH ROW
                WHEN (NEW.body LIKE 'Zoology%') EXECUTE FUNCTION refuse_zoology()""");
        Chats.Posted poison;
        Chats.Posted behind;
        try {
            poison = chats.post(stuck, owner, "Zoology field trip");
            behind = chats.post(stuck, owner, "Botany field trip");
            Chats.Posted other = chats.post(flowing, owner, "Botany greenhouse visit");
            assertThat(ids(search(member, "botany", other.token()))).containsExactly(other.messageId());
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> jdbc.queryForObject(
                                    """
                    SELECT count(*) FROM dead_letter_entry WHERE processing_group = ? AND sequence_identifier = ?""", Long.class, MessageSearchProjection.PROCESSING_GROUP, stuck.toString())
                            == 2);
            assertThat(ids(search(member, "botany", null))).containsExactly(other.messageId());
        } finally {
            jdbc.execute("DROP TRIGGER refuse_zoology ON message_search");
            jdbc.execute("DROP FUNCTION refuse_zoology()");
        }

        ApiClient admin = ApiClient.on(port).withToken(accounts.tokenOfNew("USER", "ADMIN"));
        ApiClient.Response retried = admin.post(
                "/api/admin/projections/" + MessageSearchProjection.PROCESSING_GROUP + "/dead-letters/retry", null);
        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(ids(search(member, "zoology", behind.token()))).containsExactly(poison.messageId());
        assertThat(ids(search(member, "botany", null))).hasSize(2);
    }

    /** Two nodes share the projection's segments and answer alike: each finds what the other node indexed. */
    @Test
    void twoNodesShareTheIndexingAndAnswerAlike() {
        try (SecondNode second = SecondNode.start(environment, processing, "search-second-node")) {
            StreamingEventProcessor onFirst = processing
                    .eventProcessor(MessageSearchProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                    .orElseThrow();
            StreamingEventProcessor onSecond = second.context()
                    .getBean(EventProcessingConfiguration.class)
                    .eventProcessor(MessageSearchProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                    .orElseThrow();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> !onFirst.processingStatus().isEmpty()
                            && !onSecond.processingStatus().isEmpty());

            List<UUID> posted = new ArrayList<>();
            Chats.Posted last = null;
            for (int i = 0; i < 8; i++) {
                last = chats.post(group(GroupVisibility.PRIVATE), owner, "Geometry proof number " + i);
                posted.add(last.messageId());
            }
            applied(MessageSearchProjection.PROCESSING_GROUP, last.token());
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(ids(ok(as(owner).get("/api/search/messages?q=geometry&limit=50"))))
                        .containsExactlyInAnyOrderElementsOf(posted);
                assertThat(ids(ok(ApiClient.on(second.port())
                                .withToken(TestTokenIssuer.get().accessToken(owner))
                                .get("/api/search/messages?q=geometry&limit=50"))))
                        .containsExactlyInAnyOrderElementsOf(posted);
            });
            assertThat(ids(ok(ApiClient.on(second.port())
                            .withToken(TestTokenIssuer.get().accessToken(member))
                            .get("/api/search/messages?q=geometry&limit=50"))))
                    .containsExactlyInAnyOrderElementsOf(posted);
        }
    }

    @Test
    void aReplayRebuildsTheSameIndex() {
        UUID groupId = group(GroupVisibility.PRIVATE);
        Chats.Posted kept = chats.post(groupId, owner, "Replayed biology notes");
        Chats.Posted gone = chats.post(groupId, member, "Replayed but deleted");
        chats.edit(groupId, kept.messageId(), "Replayed biology notes, edited");
        chats.delete(groupId, gone.messageId(), member, false);
        Chats.Posted dm = chats.sendDirect(owner, member, "Replayed direct message");
        applied(MessageSearchProjection.PROCESSING_GROUP, dm.token());

        Supplier<Map<String, List<Map<String, Object>>>> rows = () -> Map.of("message_search", jdbc.queryForList("""
                SELECT message_id, conversation_id, seq, sender_id, group_id, recipient_id, body, posted_at,
                       edited_at, CAST(document AS text) AS document
                  FROM message_search ORDER BY message_id"""));
        Replays.assertReplayRebuilds(processing, MessageSearchProjection.PROCESSING_GROUP, rows);
        assertThat(ids(search(member, "biology", null))).containsExactly(kept.messageId());

        // the same through the operators' endpoint, which every node follows
        Map<String, List<Map<String, Object>>> before = rows.get();
        ApiClient admin = ApiClient.on(port).withToken(accounts.tokenOfNew("USER", "ADMIN"));
        ApiClient.Response accepted =
                admin.post("/api/admin/projections/" + MessageSearchProjection.PROCESSING_GROUP + "/replay", null);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    JsonNode status = StreamSupport.stream(
                                    ok(admin.get("/api/admin/projections"))
                                            .get("items")
                                            .spliterator(),
                                    false)
                            .filter(item -> item.get("name").asText().equals(MessageSearchProjection.PROCESSING_GROUP))
                            .findFirst()
                            .orElseThrow();
                    assertThat(status.get("lastReplay").get("state").asText()).isEqualTo("DONE");
                    assertThat(status.get("rebuilding").asBoolean()).isFalse();
                    assertThat(status.get("deadLetters").asLong()).isZero();
                    assertThat(rows.get()).isEqualTo(before);
                });
    }

    private UUID group(GroupVisibility visibility) {
        Groups.Created created = groups.create(owner, "Searched " + UUID.randomUUID(), visibility, JoinPolicy.OPEN, 10);
        applied(GROUPS, groups.join(created.groupId(), member));
        return created.groupId();
    }

    private void applied(String processingGroup, ConsistencyToken token) {
        accounts.awaitProjected(processingGroup, token);
    }

    /** The search as {@code user}, waiting for {@code token} (if any) to reach the index. */
    private JsonNode search(UUID user, String queryAndParameters, ConsistencyToken token) {
        ApiClient client = as(user);
        if (token != null) {
            applied(MessageSearchProjection.PROCESSING_GROUP, token);
            client = client.withHeader(ConsistencyToken.HEADER, consistencyTokens.encode(token));
        }
        int parameters = queryAndParameters.indexOf('&');
        String q = parameters < 0 ? queryAndParameters : queryAndParameters.substring(0, parameters);
        String rest = parameters < 0 ? "" : queryAndParameters.substring(parameters);
        return ok(client.get("/api/search/messages?q=" + encode(q) + rest));
    }

    private static JsonNode ok(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static List<UUID> ids(JsonNode page) {
        List<UUID> ids = new ArrayList<>();
        page.get("items")
                .forEach(item -> ids.add(UUID.fromString(item.get("messageId").asText())));
        return ids;
    }

    private ApiClient as(UUID userId) {
        return ApiClient.on(port).withToken(TestTokenIssuer.get().accessToken(userId));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
