package dev.studybuddy.command.identity;

import static dev.studybuddy.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import dev.studybuddy.api.file.FileDeletedEvent;
import dev.studybuddy.api.file.FilePurpose;
import dev.studybuddy.api.file.RegisterFileCommand;
import dev.studybuddy.api.friendship.DirectMessageSentEvent;
import dev.studybuddy.api.friendship.FriendshipId;
import dev.studybuddy.api.group.GroupMessageEditedEvent;
import dev.studybuddy.api.group.GroupMessagePostedEvent;
import dev.studybuddy.api.user.ProfileChangedEvent;
import dev.studybuddy.api.user.UserErasedEvent;
import dev.studybuddy.api.user.UserReactivatedEvent;
import dev.studybuddy.api.user.UserRegisteredEvent;
import dev.studybuddy.command.file.FileCatalog;
import dev.studybuddy.command.support.Accounts;
import dev.studybuddy.command.support.Accounts.SignedInUser;
import dev.studybuddy.command.support.CommandSideIT;
import dev.studybuddy.command.support.Multipart;
import dev.studybuddy.command.support.PersonalTexts;
import dev.studybuddy.testing.ApiClient;
import dev.studybuddy.testing.StoredText;
import dev.studybuddy.testing.TransactionRaces;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Erasure by crypto-shredding (docs/adr/0019), over HTTP, against the event store as it is stored. */
@CommandSideIT
@ExtendWith(OutputCaptureExtension.class)
class ErasureIT {

    @LocalServerPort
    int port;

    @Autowired
    MongoClient mongoClient;

    @Autowired
    EventStore eventStore;

    @Autowired
    FileCatalog files;

    @Autowired
    Login login;

    @Autowired
    IdentityProjection identity;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AccountErasure erasure;

    @Autowired
    CurrentPassword currentPassword;

    @Value("${spring.data.mongodb.database}")
    String database;

    @Test
    void anErasedUsersTextsAreNowhereInTheEventStoreAndEveryChainStillVerifies(CapturedOutput log) throws Exception {
        SignedInUser alice = Accounts.signedIn(port, "erasable");
        SignedInUser bob = Accounts.signedIn(port, "bystander");
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String posted = "my secret plan " + marker;
        String edited = "my edited plan " + marker;
        String direct = "just between us " + marker;
        String bio = "I live at the library " + marker;
        String fileName = "diary-" + marker + ".txt";
        String bobsWords = "bob stays " + marker;

        UUID group =
                new PersonalTexts(posted, edited, bobsWords, direct, bio).writtenBy(alice, bob, "Erasure " + marker);
        ApiClient.Response upload = Multipart.upload(
                port, alice.api(), "ATTACHMENT", fileName, ("notes " + marker).getBytes(StandardCharsets.UTF_8));
        assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
        UUID fileId = UUID.fromString(upload.json().get("fileId").asText());
        String refreshToken = Accounts.login(ApiClient.on(port), alice.username(), Accounts.PASSWORD)
                .get("refreshToken")
                .asText();
        assertThat(storedText())
                .as("sealed when written")
                .doesNotContain(posted)
                .doesNotContain(alice.username());

        ApiClient.Response erased = alice.api().send("DELETE", "/api/users/me", Map.of("password", Accounts.PASSWORD));
        assertThat(erased.status()).as(erased.toString()).isEqualTo(204);

        // the account: no session survives, the name is free again
        await().atMost(Duration.ofSeconds(1))
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(alice.api()
                                .patch("/api/users/me", Map.of("bio", "back"))
                                .status())
                        .isEqualTo(401));
        assertProblem(
                ApiClient.on(port).post("/api/auth/refresh", Map.of("refreshToken", refreshToken)),
                401,
                "INVALID_REFRESH_TOKEN");
        assertProblem(
                ApiClient.on(port)
                        .post("/api/auth/login", Map.of("username", alice.username(), "password", Accounts.PASSWORD)),
                401,
                "INVALID_CREDENTIALS");
        Accounts.register(ApiClient.on(port), alice.username());

        // the event store, as stored: none of it in clear text
        String stored = storedText();
        assertThat(stored)
                .doesNotContain(posted)
                .doesNotContain(edited)
                .doesNotContain(direct)
                .doesNotContain(bio)
                .doesNotContain(fileName)
                .doesNotContain(alice.username())
                .contains(alice.id().toString());

        // and as read: the erased user's texts are nothing, the others' are as they were
        List<Object> groupEvents = payloads(group.toString());
        assertThat(groupEvents)
                .filteredOn(GroupMessagePostedEvent.class::isInstance)
                .map(event -> (GroupMessagePostedEvent) event)
                .extracting(GroupMessagePostedEvent::body)
                .containsExactly(null, bobsWords);
        assertThat(groupEvents)
                .filteredOn(GroupMessageEditedEvent.class::isInstance)
                .extracting(event -> ((GroupMessageEditedEvent) event).body())
                .containsOnlyNulls();
        assertThat(payloads(FriendshipId.of(alice.id(), bob.id())))
                .filteredOn(DirectMessageSentEvent.class::isInstance)
                .extracting(event -> ((DirectMessageSentEvent) event).body())
                .containsOnlyNulls();
        List<Object> account = payloads(alice.id().toString());
        assertThat(account.get(0)).isInstanceOfSatisfying(UserRegisteredEvent.class, registered -> {
            assertThat(registered.username()).isNull();
            assertThat(registered.displayName()).isNull();
        });
        assertThat(account)
                .filteredOn(ProfileChangedEvent.class::isInstance)
                .extracting(event -> ((ProfileChangedEvent) event).bio())
                .containsOnlyNulls();
        assertThat(account.get(account.size() - 1)).isEqualTo(new UserErasedEvent(alice.id()));
        assertThat(payloads(fileId.toString()).get(payloads(fileId.toString()).size() - 1))
                .isInstanceOf(FileDeletedEvent.class);

        // nor in what this service logged meanwhile
        assertThat(log.getAll())
                .doesNotContain(posted)
                .doesNotContain(edited)
                .doesNotContain(direct)
                .doesNotContain(bio)
                .doesNotContain(fileName);

        // the audit: every chain the user wrote into verifies
        ApiClient auditor = ApiClient.on(port).withToken(Accounts.adminToken(ApiClient.on(port)));
        for (String stream : List.of(
                "UserAccount/" + alice.id(),
                "Group/" + group,
                "Friendship/" + FriendshipId.of(alice.id(), bob.id()),
                "StoredFile/" + fileId)) {
            JsonNode verdict =
                    auditor.get("/api/audit/aggregates/" + stream + "/verify").json();
            assertThat(verdict.get("status").asText())
                    .as(stream + ": " + verdict)
                    .isEqualTo("OK");
        }
    }

    /**
     * An upload whose registration is under way when the account is erased goes with the account's files (the erasure
     * waits for it), and one that registers after the erasure is refused: no file of an erased user stays live.
     */
    @Test
    void anUploadUnderWayWhenTheAccountIsErasedGoesWithItAndALaterOneIsRefused() throws Exception {
        SignedInUser erin = Accounts.signedIn(port, "uploading");
        UUID underWay = UUID.randomUUID();
        eraseWhileATransactionHolds(
                () -> files.register(registration(underWay, erin.id(), "under-way.txt")),
                () -> erin.api().send("DELETE", "/api/users/me", Map.of("password", Accounts.PASSWORD)));

        assertThat(jdbc.queryForMap(
                        "SELECT deleted_at IS NOT NULL AS deleted, file_name FROM files.stored_files WHERE file_id = ?",
                        underWay))
                .containsEntry("deleted", true)
                .containsEntry("file_name", "");
        UUID later = UUID.randomUUID();
        assertThatThrownBy(() -> files.register(registration(later, erin.id(), "later.txt")))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHENTICATED));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM files.stored_files WHERE file_id = ?", Long.class, later))
                .isZero();
    }

    /** A session started while the account is erased goes with its other sessions (the erasure waits for it). */
    @Test
    void aSessionStartedWhileTheAccountIsErasedGoesWithIt() throws Exception {
        SignedInUser fay = Accounts.signedIn(port, "signingin");
        eraseWhileATransactionHolds(
                () -> login.startSession(fay.id(), new SignInSession.Client("fay's phone", "192.0.2.7")),
                () -> fay.api().send("DELETE", "/api/users/me", Map.of("password", Accounts.PASSWORD)));

        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM identity.sign_in_sessions WHERE user_id = ?", Long.class, fay.id()))
                .isZero();
    }

    /**
     * The identity projection mirrors a reactivation while the account is erased: the erasure waits for it (or it for
     * the erasure), and the credential ends forgotten, not with the name, address and password it was read with.
     */
    @Test
    void aReactivationMirroredWhileTheAccountIsErasedDoesNotBringItsCredentialBack() throws Exception {
        SignedInUser gil = Accounts.signedIn(port, "reopened");
        ApiClient admin = ApiClient.on(port).withToken(Accounts.adminToken(ApiClient.on(port)));
        ok(admin.post("/api/admin/users/" + gil.id() + "/deactivate", null));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !jdbc.queryForObject(
                        "SELECT active FROM identity.credentials WHERE user_id = ?", Boolean.class, gil.id()));
        eraseWhileATransactionHolds(
                () -> identity.on(new UserReactivatedEvent(gil.id())),
                () -> admin.post("/api/admin/users/" + gil.id() + "/erase", null));

        assertThat(jdbc.queryForMap(
                        "SELECT username, email, password_hash, active FROM identity.credentials WHERE user_id = ?",
                        gil.id()))
                .containsEntry(
                        "username", "~" + gil.id().toString().replace("-", "").substring(0, 31))
                .containsEntry("email", gil.id() + "@erased.invalid")
                .containsEntry("password_hash", "!erased")
                .containsEntry("active", false);
    }

    /**
     * The other order: the erasure holds the credential when the identity projection mirrors a reactivation. The
     * projection's update waits, then finds the account erased (PostgreSQL checks its condition again after the wait)
     * and opens nothing: no address goes back to the outbox.
     */
    @Test
    void aReactivationMirroredWhileAnErasureHoldsTheCredentialWaitsAndOpensNothing() throws Exception {
        SignedInUser hal = Accounts.signedIn(port, "waiting");
        ApiClient admin = ApiClient.on(port).withToken(Accounts.adminToken(ApiClient.on(port)));
        ok(admin.post("/api/admin/users/" + hal.id() + "/deactivate", null));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !jdbc.queryForObject(
                        "SELECT active FROM identity.credentials WHERE user_id = ?", Boolean.class, hal.id()));

        new TransactionRaces(transactions, jdbc)
                .requestWhileATransactionHolds(
                        () -> currentPassword.of(hal.id()),
                        () -> erasure.eraseByAdministrator(hal.id()),
                        () -> new TransactionTemplate(transactions).execute(status -> {
                            identity.on(new UserReactivatedEvent(hal.id()));
                            return null;
                        }));

        assertThat(jdbc.queryForMap(
                        "SELECT password_hash, active FROM identity.credentials WHERE user_id = ?", hal.id()))
                .containsEntry("password_hash", "!erased")
                .containsEntry("active", false);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM identity.contact_outbox WHERE user_id = ? AND email IS NOT NULL",
                        Long.class,
                        hal.id()))
                .isZero();
    }

    private static RegisterFileCommand registration(UUID fileId, UUID owner, String name) {
        return new RegisterFileCommand(fileId, owner, "a".repeat(64), 4, "text/plain", name, FilePurpose.ATTACHMENT);
    }

    /**
     * Runs {@code work} in a transaction that stays open while the erasure is asked for, and commits it once the erasure
     * waits for it (as it should); then the erasure must have succeeded.
     */
    private void eraseWhileATransactionHolds(Runnable work, Callable<ApiClient.Response> erasure) throws Exception {
        ApiClient.Response erased =
                new TransactionRaces(transactions, jdbc).requestWhileATransactionHolds(work, () -> {}, erasure);
        assertThat(erased.status()).isEqualTo(204);
    }

    @Test
    void anErasureAskedTwiceAtOnceAnswersBothAsDone() throws Exception {
        SignedInUser gus = Accounts.signedIn(port, "twice");

        ApiClient.Response second = whileTheirErasureCommits(
                gus, () -> gus.api().send("DELETE", "/api/users/me", Map.of("password", Accounts.PASSWORD)));

        // it had answered 403 WRONG_PASSWORD: the erased credential has no password left
        assertThat(second.status()).as(second.toString()).isEqualTo(204);
    }

    @Test
    void aPasswordChangeThatWaitedForTheErasureIsRefusedAsErasedNotAsAWrongPassword() throws Exception {
        SignedInUser hal = Accounts.signedIn(port, "waited");

        ApiClient.Response changed = whileTheirErasureCommits(
                hal,
                () -> hal.api()
                        .post(
                                "/api/users/me/password",
                                Map.of("currentPassword", Accounts.PASSWORD, "newPassword", "Never-Applied-44")));

        assertProblem(changed, 403, "ACCOUNT_DEACTIVATED");
    }

    @Test
    void aWrongPasswordErasesNothing() {
        SignedInUser carol = Accounts.signedIn(port, "keeper");
        ok(carol.api().patch("/api/users/me", Map.of("bio", "still mine")));

        assertProblem(
                carol.api().send("DELETE", "/api/users/me", Map.of("password", "Not-My-Password-1")),
                403,
                "WRONG_PASSWORD");

        assertThat(carol.api()
                        .patch("/api/users/me", Map.of("bio", "still here"))
                        .status())
                .isEqualTo(204);
        assertThat(Accounts.login(ApiClient.on(port), carol.username(), Accounts.PASSWORD)
                        .get("accessToken")
                        .asText())
                .isNotBlank();
        List<Object> account = payloads(carol.id().toString());
        assertThat(((UserRegisteredEvent) account.get(0)).username()).isEqualTo(carol.username());
        assertThat(account).noneMatch(UserErasedEvent.class::isInstance);
    }

    @Test
    void onlyAPlatformAdministratorErasesAnotherAccount() {
        SignedInUser mallory = Accounts.signedIn(port, "mallory");
        SignedInUser dave = Accounts.signedIn(port, "erasedbyadmin");

        assertProblem(mallory.api().post("/api/admin/users/" + dave.id() + "/erase", null), 403, "FORBIDDEN");
        assertThat(dave.api().patch("/api/users/me", Map.of("bio", "unharmed")).status())
                .isEqualTo(204);

        ApiClient admin = ApiClient.on(port).withToken(Accounts.adminToken(ApiClient.on(port)));
        ApiClient.Response erased = admin.post("/api/admin/users/" + dave.id() + "/erase", null);
        assertThat(erased.status()).as(erased.toString()).isEqualTo(204);

        await().atMost(Duration.ofSeconds(1))
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(dave.api()
                                .patch("/api/users/me", Map.of("bio", "back"))
                                .status())
                        .isEqualTo(401));
        assertThat(((UserRegisteredEvent) payloads(dave.id().toString()).get(0)).username())
                .isNull();
        assertProblem(admin.post("/api/admin/users/" + UUID.randomUUID() + "/erase", null), 404, "NOT_FOUND");
    }

    private List<Object> payloads(String aggregateId) {
        return StoredText.payloads(eventStore, aggregateId);
    }

    private String storedText() {
        return StoredText.of(mongoClient.getDatabase(database));
    }

    private static void ok(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 204);
    }

    /** {@code request}, sent by {@code user} while their own erasure, asked just before, holds their credential. */
    private ApiClient.Response whileTheirErasureCommits(SignedInUser user, Callable<ApiClient.Response> request)
            throws Exception {
        return new TransactionRaces(transactions, jdbc)
                .requestWhileATransactionHolds(
                        () -> currentPassword.of(user.id()),
                        () -> erasure.eraseOwn(user.id(), "192.0.2.9", Accounts.PASSWORD),
                        request);
    }
}
