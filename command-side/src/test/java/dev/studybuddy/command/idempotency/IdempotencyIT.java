package dev.studybuddy.command.idempotency;

import static dev.studybuddy.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import dev.studybuddy.api.group.GroupMessagePostedEvent;
import dev.studybuddy.command.support.Accounts;
import dev.studybuddy.command.support.Accounts.SignedInUser;
import dev.studybuddy.command.support.CommandNode;
import dev.studybuddy.command.support.CommandSideIT;
import dev.studybuddy.command.support.Multipart;
import dev.studybuddy.testing.ApiClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/** Retries with an Idempotency-Key, over HTTP, against the real PostgreSQL that keeps the keys. */
@CommandSideIT
class IdempotencyIT {

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Environment environment;

    @Autowired
    RSAKey signingKey;

    @Autowired
    ExpiredIdempotencyKeys expiredKeys;

    @Test
    void theSameRequestTwiceWithOneKeyPostsOneMessageAndAnswersAlike() {
        SignedInUser author = Accounts.signedIn(port, "idemauthor");
        UUID group = openGroup(author);
        ApiClient keyed =
                author.api().withHeader("Idempotency-Key", UUID.randomUUID().toString());
        Map<String, String> message = Map.of("body", "only once, please");

        ApiClient.Response first = keyed.post(messages(group), message);
        ApiClient.Response retry = keyed.post(messages(group), message);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.contentType()).isEqualTo(first.contentType());
        assertThat(retry.header("X-Consistency-Token")).isPresent().isEqualTo(first.header("X-Consistency-Token"));
        assertThat(retry.header("Idempotent-Replayed")).contains("true");
        assertThat(first.header("Idempotent-Replayed")).isEmpty();
        assertThat(postedBodies(group)).containsOnlyOnce("only once, please");
    }

    @Test
    void aRefusalIsAnsweredAgainToo() {
        SignedInUser owner = Accounts.signedIn(port, "idemowner");
        SignedInUser outsider = Accounts.signedIn(port, "idemoutsider");
        UUID group = openGroup(owner);
        ApiClient keyed = outsider.api().withHeader("Idempotency-Key", "refused-" + UUID.randomUUID());

        assertProblem(keyed.post(messages(group), Map.of("body", "let me in")), 403, "NOT_A_MEMBER");
        ApiClient.Response retry = keyed.post(messages(group), Map.of("body", "let me in"));
        assertProblem(retry, 403, "NOT_A_MEMBER");
        assertThat(retry.header("Idempotent-Replayed")).contains("true");
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefused() {
        SignedInUser author = Accounts.signedIn(port, "idemreuse");
        UUID group = openGroup(author);
        ApiClient keyed = author.api().withHeader("Idempotency-Key", "reused-" + UUID.randomUUID());
        assertThat(keyed.post(messages(group), Map.of("body", "first")).status())
                .isEqualTo(201);

        assertProblem(keyed.post(messages(group), Map.of("body", "second")), 422, "IDEMPOTENCY_KEY_REUSED");
        assertProblem(keyed.post("/api/groups", Map.of("name", "Another request")), 422, "IDEMPOTENCY_KEY_REUSED");
        assertThat(postedBodies(group)).containsExactly("first");
    }

    @Test
    void keysBelongToTheirUser() {
        SignedInUser one = Accounts.signedIn(port, "idemone");
        SignedInUser other = Accounts.signedIn(port, "idemother");
        String key = "shared-" + UUID.randomUUID();
        Map<String, String> group = Map.of("name", "Same name", "joinPolicy", "OPEN");

        ApiClient.Response byOne = one.api().withHeader("Idempotency-Key", key).post("/api/groups", group);
        ApiClient.Response byOther =
                other.api().withHeader("Idempotency-Key", key).post("/api/groups", group);

        assertThat(byOne.status()).isEqualTo(201);
        assertThat(byOther.status()).isEqualTo(201);
        assertThat(byOther.header("Idempotent-Replayed")).isEmpty();
        assertThat(byOther.json().get("groupId")).isNotEqualTo(byOne.json().get("groupId"));
    }

    @Test
    void aKeyMustBeOneTo255VisibleAsciiCharacters() {
        SignedInUser author = Accounts.signedIn(port, "idemformat");
        UUID group = openGroup(author);
        for (String bad : List.of("x".repeat(256), "with space")) {
            assertProblem(
                    author.api().withHeader("Idempotency-Key", bad).post(messages(group), Map.of("body", "hi")),
                    400,
                    "IDEMPOTENCY_KEY_INVALID");
        }
        assertThat(author.api()
                        .withHeader("Idempotency-Key", "~".repeat(255))
                        .post(messages(group), Map.of("body", "hi"))
                        .status())
                .isEqualTo(201);
        assertThat(postedBodies(group)).containsExactly("hi");
    }

    @Test
    void concurrentRequestsWithOneKeyHaveOneEffect() throws Exception {
        SignedInUser author = Accounts.signedIn(port, "idemrace");
        UUID group = openGroup(author);
        ApiClient keyed = author.api().withHeader("Idempotency-Key", "race-" + UUID.randomUUID());
        int contenders = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        List<Future<ApiClient.Response>> futures = new ArrayList<>();
        for (int i = 0; i < contenders; i++) {
            Callable<ApiClient.Response> post = () -> {
                start.await();
                return keyed.post(messages(group), Map.of("body", "raced"));
            };
            futures.add(pool.submit(post));
        }
        start.countDown();
        List<ApiClient.Response> responses = new ArrayList<>();
        for (Future<ApiClient.Response> future : futures) {
            responses.add(future.get());
        }
        pool.shutdown();

        assertThat(responses)
                .allSatisfy(response ->
                        assertThat(response.status()).as(response.toString()).isIn(201, 409));
        assertThat(responses)
                .filteredOn(response -> response.status() == 409)
                .allSatisfy(response -> assertProblem(response, 409, "IDEMPOTENCY_KEY_IN_USE"));
        List<ApiClient.Response> created =
                responses.stream().filter(response -> response.status() == 201).toList();
        assertThat(created).isNotEmpty();
        assertThat(created)
                .extracting(ApiClient.Response::body)
                .containsOnly(created.get(0).body());
        assertThat(postedBodies(group)).containsExactly("raced");
    }

    @Test
    void anUploadRetriedWithItsKeyStoresOneFile() {
        SignedInUser owner = Accounts.signedIn(port, "idemupload");
        ApiClient keyed = owner.api().withHeader("Idempotency-Key", "upload-" + UUID.randomUUID());
        byte[] notes = "notes for the exam".getBytes(StandardCharsets.UTF_8);

        ApiClient.Response first = Multipart.upload(port, keyed, "ATTACHMENT", "notes.txt", notes);
        ApiClient.Response retry = Multipart.upload(port, keyed, "ATTACHMENT", "notes.txt", notes);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM files.stored_files WHERE owner_id = ?", Integer.class, owner.id()))
                .isEqualTo(1);
        assertProblem(
                Multipart.upload(
                        port, keyed, "ATTACHMENT", "notes.txt", "other notes".getBytes(StandardCharsets.UTF_8)),
                422,
                "IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void anotherNodeAnswersFromTheRecordInPostgres() {
        SignedInUser owner = Accounts.signedIn(port, "idemnodes");
        String key = "nodes-" + UUID.randomUUID();
        Map<String, String> request = Map.of("name", "Made once", "joinPolicy", "OPEN");
        ApiClient.Response first =
                owner.api().withHeader("Idempotency-Key", key).post("/api/groups", request);
        assertThat(first.status()).isEqualTo(201);
        assertThat(jdbc.queryForObject(
                        "SELECT status FROM idempotency_keys WHERE user_id = ? AND idempotency_key = ?",
                        Integer.class,
                        owner.id(),
                        key))
                .isEqualTo(201);

        try (CommandNode second = CommandNode.start(environment, signingKey, null)) {
            ApiClient ownerOnSecond = ApiClient.on(second.port())
                    .withHeader("Authorization", owner.api().headers().get("Authorization"))
                    .withHeader("Idempotency-Key", key);
            ApiClient.Response retry = ownerOnSecond.post("/api/groups", request);

            assertThat(retry.status()).isEqualTo(201);
            assertThat(retry.body()).isEqualTo(first.body());
            assertThat(retry.header("Idempotent-Replayed")).contains("true");
        }
    }

    @Test
    void anExpiredKeyIsDeletedAndServesAfresh() {
        SignedInUser author = Accounts.signedIn(port, "idemexpiry");
        UUID group = openGroup(author);
        String key = "expiring-" + UUID.randomUUID();
        ApiClient keyed = author.api().withHeader("Idempotency-Key", key);
        assertThat(keyed.post(messages(group), Map.of("body", "yesterday")).status())
                .isEqualTo(201);
        jdbc.update(
                "UPDATE idempotency_keys SET expires_at = now() - interval '1 second' WHERE user_id = ? AND idempotency_key = ?",
                author.id(),
                key);

        assertThat(expiredKeys.deleteExpired()).isPositive();

        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM idempotency_keys WHERE user_id = ?", Integer.class, author.id()))
                .isZero();
        ApiClient.Response today = keyed.post(messages(group), Map.of("body", "today"));
        assertThat(today.status()).as(today.toString()).isEqualTo(201);
        assertThat(postedBodies(group)).containsExactly("yesterday", "today");
    }

    private UUID openGroup(SignedInUser owner) {
        ApiClient.Response created = owner.api().post("/api/groups", Map.of("name", "Retries", "joinPolicy", "OPEN"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.json().get("groupId").asText());
    }

    private List<String> postedBodies(UUID group) {
        return eventStore
                .readEvents(group.toString())
                .asStream()
                .map(event -> event.getPayload())
                .filter(GroupMessagePostedEvent.class::isInstance)
                .map(event -> ((GroupMessagePostedEvent) event).body())
                .toList();
    }

    private static String messages(UUID group) {
        return "/api/groups/" + group + "/messages";
    }
}
