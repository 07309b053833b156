package dev.studybuddy.command.identity;

import static dev.studybuddy.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.studybuddy.api.metadata.MessageMetadata;
import dev.studybuddy.command.support.Accounts;
import dev.studybuddy.command.support.CommandSideIT;
import dev.studybuddy.testing.ApiClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
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
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@CommandSideIT
class IdentityIT {

    @LocalServerPort
    int port;

    @Autowired
    RSAKey signingKey;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MongoClient mongoClient;

    @Autowired
    EventStore eventStore;

    @Value("${spring.data.mongodb.database}")
    String mongoDatabase;

    ApiClient client;

    @BeforeEach
    void setUp() {
        client = ApiClient.on(port);
    }

    @Test
    void registerLoginUseRefreshAndReusingASpentRefreshTokenRevokesTheFamily() {
        String username = Accounts.uniqueUsername("alice");
        UUID userId = Accounts.register(client, username);

        JsonNode tokens = Accounts.login(client, username, Accounts.PASSWORD);
        assertThat(tokens.get("tokenType").asText()).isEqualTo("Bearer");
        assertThat(tokens.get("expiresIn").asLong()).isEqualTo(900);
        String firstRefresh = tokens.get("refreshToken").asText();

        ApiClient.Response changed = client.withToken(tokens.get("accessToken").asText())
                .patch("/api/users/me", Map.of("bio", "Linear algebra"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(204);
        assertThat(changed.header("X-Consistency-Token")).isPresent();

        ApiClient.Response refreshed = client.post("/api/auth/refresh", Map.of("refreshToken", firstRefresh));
        assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
        String secondRefresh = refreshed.json().get("refreshToken").asText();
        assertThat(secondRefresh).isNotEqualTo(firstRefresh);
        assertThat(client.withToken(refreshed.json().get("accessToken").asText())
                        .patch("/api/users/me", Map.of("bio", "Topology"))
                        .status())
                .isEqualTo(204);

        ApiClient.Response reuse = client.post("/api/auth/refresh", Map.of("refreshToken", firstRefresh));
        assertProblem(reuse, 401, "INVALID_REFRESH_TOKEN");
        ApiClient.Response successorAfterTheft =
                client.post("/api/auth/refresh", Map.of("refreshToken", secondRefresh));
        assertProblem(successorAfterTheft, 401, "INVALID_REFRESH_TOKEN");
        assertThat(userId).isNotNull();
    }

    @Test
    void logoutRevokesTheRefreshTokenFamily() {
        String username = Accounts.uniqueUsername("bob");
        Accounts.register(client, username);
        String refresh = Accounts.login(client, username, Accounts.PASSWORD)
                .get("refreshToken")
                .asText();

        assertThat(client.post("/api/auth/logout", Map.of("refreshToken", refresh))
                        .status())
                .isEqualTo(204);
        assertProblem(client.post("/api/auth/refresh", Map.of("refreshToken", refresh)), 401, "INVALID_REFRESH_TOKEN");
        assertThat(client.post("/api/auth/logout", Map.of("refreshToken", "never-issued"))
                        .status())
                .isEqualTo(204);
    }

    @Test
    void protectedEndpointsRefuseMissingAndBadTokens() throws Exception {
        String username = Accounts.uniqueUsername("carol");
        UUID userId = Accounts.register(client, username);
        String valid = Accounts.accessToken(client, username);
        Map<String, Object> change = Map.of("bio", "x");

        assertProblem(client.patch("/api/users/me", change), 401, "UNAUTHENTICATED");
        assertThat(client.withToken(valid).patch("/api/users/me", change).status())
                .isEqualTo(204);

        String tampered = tamperPayload(valid);
        assertProblem(client.withToken(tampered).patch("/api/users/me", change), 401, "UNAUTHENTICATED");

        Instant now = Instant.now();
        String expired = sign(claims(userId)
                .issueTime(Date.from(now.minusSeconds(1000)))
                .expirationTime(Date.from(now.minusSeconds(61)))
                .build());
        assertProblem(client.withToken(expired).patch("/api/users/me", change), 401, "UNAUTHENTICATED");

        String unsigned = new PlainJWT(claims(userId).build()).serialize();
        assertProblem(client.withToken(unsigned).patch("/api/users/me", change), 401, "UNAUTHENTICATED");

        String wrongAudience = sign(claims(userId).audience("someone-else").build());
        assertProblem(client.withToken(wrongAudience).patch("/api/users/me", change), 401, "UNAUTHENTICATED");

        String wrongIssuer = sign(claims(userId).issuer("https://evil.example").build());
        assertProblem(client.withToken(wrongIssuer).patch("/api/users/me", change), 401, "UNAUTHENTICATED");

        String withoutStamp = sign(claims(userId).claim("security_stamp", null).build());
        assertProblem(client.withToken(withoutStamp).patch("/api/users/me", change), 401, "UNAUTHENTICATED");

        String stillFine = sign(claims(userId).build());
        assertThat(client.withToken(stillFine).patch("/api/users/me", change).status())
                .isEqualTo(204);
    }

    @Test
    void usernamesAndEmailsAreUniqueIgnoringCase() {
        String username = Accounts.uniqueUsername("dave");
        Accounts.register(client, username);

        ApiClient.Response sameName = client.post(
                "/api/auth/register",
                Map.of(
                        "username",
                        username.toUpperCase(),
                        "email",
                        "other." + username + "@studybuddy.test",
                        "password",
                        Accounts.PASSWORD,
                        "displayName",
                        "Dave 2"));
        assertProblem(sameName, 409, "USERNAME_TAKEN");

        ApiClient.Response sameEmail = client.post(
                "/api/auth/register",
                Map.of(
                        "username",
                        username + "x",
                        "email",
                        (username + "@STUDYBUDDY.test").toUpperCase(),
                        "password",
                        Accounts.PASSWORD,
                        "displayName",
                        "Dave 3"));
        assertProblem(sameEmail, 409, "EMAIL_TAKEN");
        assertThat(credentialCount(username + "x")).isZero();
    }

    @Test
    void concurrentRegistrationsOfOneUsernameLetExactlyOneSucceed() throws Exception {
        String username = Accounts.uniqueUsername("race");
        int contenders = 5; // the per-username register limit of the test configuration
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> outcomes = new ArrayList<>();
        for (int i = 0; i < contenders; i++) {
            int n = i;
            Callable<Integer> attempt = () -> {
                start.await();
                return ApiClient.on(port)
                        .post(
                                "/api/auth/register",
                                Map.of(
                                        "username",
                                        username,
                                        "email",
                                        username + "." + n + "@studybuddy.test",
                                        "password",
                                        Accounts.PASSWORD,
                                        "displayName",
                                        "Racer " + n))
                        .status();
            };
            outcomes.add(pool.submit(attempt));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> outcome : outcomes) {
            statuses.add(outcome.get());
        }
        pool.shutdown();

        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 409).hasSize(contenders - 1);
        assertThat(credentialCount(username)).isEqualTo(1);
    }

    @Test
    void invalidRegistrationsAreRefusedAndStoreNothing() {
        String username = Accounts.uniqueUsername("eve");
        Map<String, Object> valid = registration(username, "Eve");

        assertProblem(
                client.post("/api/auth/register", with(valid, "username", "no spaces allowed")),
                400,
                "VALIDATION_FAILED");
        assertProblem(client.post("/api/auth/register", with(valid, "username", "ab")), 400, "VALIDATION_FAILED");
        assertProblem(
                client.post("/api/auth/register", with(valid, "email", "not-an-email")), 400, "VALIDATION_FAILED");
        for (String hidden : new String[] {"\u0085", "\u2028", "\u202E", "\u2066", "\u200F", "\u200B", "\uFEFF"}) {
            assertProblem(
                    client.post("/api/auth/register", with(valid, "email", "e" + hidden + "ve@studybuddy.test")),
                    400,
                    "VALIDATION_FAILED");
        }
        assertProblem(client.post("/api/auth/register", with(valid, "password", "short1!")), 400, "VALIDATION_FAILED");
        assertProblem(
                client.post("/api/auth/register", with(valid, "password", "x".repeat(129))), 400, "VALIDATION_FAILED");
        assertProblem(client.post("/api/auth/register", with(valid, "password", "password123")), 422, "WEAK_PASSWORD");
        assertProblem(client.post("/api/auth/register", "{\"username\": "), 400, "MALFORMED_REQUEST");

        assertThat(credentialCount(username)).isZero();
        ApiClient.Response invalid = client.post("/api/auth/register", with(valid, "email", "not-an-email"));
        assertThat(invalid.json().get("errors").get("email")).isNotNull();
        assertThat(invalid.body()).doesNotContain("Exception").doesNotContain("at dev.studybuddy");
    }

    /** Spring chose the answer's type after the handler: the account was made, then the client told 406. */
    @Test
    void aRegistrationThatCannotBeAnsweredInJsonIsRefusedBeforeItRegisters() {
        String username = Accounts.uniqueUsername("xml");
        Map<String, Object> registration = registration(username, "Xavier");

        assertThat(client.withHeader("Accept", "application/xml")
                        .post("/api/auth/register", registration)
                        .status())
                .isEqualTo(406);
        assertProblem(
                client.withHeader("Accept", "*/*;q=x").post("/api/auth/register", registration),
                400,
                "MALFORMED_REQUEST");
        assertThat(credentialCount(username)).isZero();
        assertThat(client.post("/api/auth/register", registration).status()).isEqualTo(201);
    }

    @Test
    void loginFailuresDoNotRevealWhetherTheUserExists() {
        String username = Accounts.uniqueUsername("frank");
        Accounts.register(client, username);

        ApiClient.Response wrongPassword =
                client.post("/api/auth/login", Map.of("username", username, "password", "Wrong-Password-1"));
        ApiClient.Response unknownUser =
                client.post("/api/auth/login", Map.of("username", username + "zz", "password", "Wrong-Password-1"));
        assertProblem(wrongPassword, 401, "INVALID_CREDENTIALS");
        assertProblem(unknownUser, 401, "INVALID_CREDENTIALS");
        assertThat(unknownUser.json().get("detail"))
                .isEqualTo(wrongPassword.json().get("detail"));
    }

    @Test
    void aLoginWithAControlCharacterInTheUserNameIsRefusedAsInvalid() {
        ApiClient.Response nul =
                client.post("/api/auth/login", Map.of("username", "fr\u0000ank", "password", "Wrong-Password-1"));

        assertProblem(nul, 400, "VALIDATION_FAILED");
        assertThat(nul.json().get("errors").get("username")).isNotNull();
        assertThat(nul.body()).doesNotContain("Exception").doesNotContain("UTF8");
    }

    @Test
    void passwordsUpToTheContractsLengthAreTakenWhole() {
        String username = Accounts.uniqueUsername("heidi");
        String passphrase = "пароль ключ-слово ".repeat(7); // 126 characters, 231 bytes: over BCrypt's 72
        Accounts.register(client, username, passphrase);

        Accounts.login(client, username, passphrase);
        // the same first 74 bytes: BCrypt alone would read both as one password
        String sameBeginning = passphrase.substring(0, 40) + "x".repeat(20);
        assertProblem(
                client.post("/api/auth/login", Map.of("username", username, "password", sameBeginning)),
                401,
                "INVALID_CREDENTIALS");
        assertProblem(
                client.post("/api/auth/login", Map.of("username", username, "password", passphrase.strip())),
                401,
                "INVALID_CREDENTIALS");
    }

    @Test
    void wrongPasswordsFromOneAddressAreBackedOffWithoutLockingTheOwnerOutFromAnother() throws InterruptedException {
        String username = Accounts.uniqueUsername("grace");
        Accounts.register(client, username);
        ApiClient stranger = ApiClient.on(port);
        Map<String, String> guess = Map.of("username", username, "password", "Wrong-Password-1");

        List<Long> waits = new ArrayList<>();
        int wrongPasswords = 0;
        int answered = 0;
        while (answered < 5) {
            ApiClient.Response response = stranger.post("/api/auth/login", guess);
            wrongPasswords++;
            if (response.status() == 429) {
                assertProblem(response, 429, "RATE_LIMITED");
                long seconds = Long.parseLong(response.header("Retry-After").orElseThrow());
                waits.add(seconds);
                Thread.sleep(seconds * 1000 + 200);
            } else {
                assertProblem(response, 401, "INVALID_CREDENTIALS");
                answered++;
            }
        }
        while (wrongPasswords < 12) {
            assertProblem(stranger.post("/api/auth/login", guess), 429, "RATE_LIMITED");
            wrongPasswords++;
        }
        assertThat(waits)
                .as("the stranger waits twice as long after each further failure")
                .containsExactly(1L, 2L);

        ApiClient.Response rightPasswordFromStranger =
                stranger.post("/api/auth/login", Map.of("username", username, "password", Accounts.PASSWORD));
        assertProblem(rightPasswordFromStranger, 429, "RATE_LIMITED");
        assertThat(Long.parseLong(
                        rightPasswordFromStranger.header("Retry-After").orElseThrow()))
                .isBetween(2L, 4L);

        ApiClient.Response owner =
                ApiClient.on(port).post("/api/auth/login", Map.of("username", username, "password", Accounts.PASSWORD));
        assertThat(owner.status()).as(owner.toString()).isEqualTo(200);
        assertProblem(stranger.post("/api/auth/login", guess), 429, "RATE_LIMITED");
    }

    @Test
    void failedLoginsOfOneUsernameFromManyAddressesReachACeiling() {
        String username = Accounts.uniqueUsername("gwen");
        Accounts.register(client, username);
        // 12 failures of one user name in all (CommandSideIT), 3 per address: none of the addresses is backed off
        for (int address = 0; address < 4; address++) {
            ApiClient guesser = ApiClient.on(port);
            for (int attempt = 0; attempt < 3; attempt++) {
                assertProblem(
                        guesser.post("/api/auth/login", Map.of("username", username, "password", "Wrong-Password-1")),
                        401,
                        "INVALID_CREDENTIALS");
            }
        }
        ApiClient.Response limited =
                ApiClient.on(port).post("/api/auth/login", Map.of("username", username, "password", Accounts.PASSWORD));
        assertProblem(limited, 429, "RATE_LIMITED");
        assertThat(limited.header("Retry-After"))
                .hasValueSatisfying(
                        seconds -> assertThat(Long.parseLong(seconds)).isPositive());
    }

    @Test
    void successfulLoginsAreNotLimitedPerUsername() {
        String username = Accounts.uniqueUsername("gina");
        Accounts.register(client, username);
        for (int signIn = 0; signIn < 14; signIn++) {
            ApiClient.Response response = ApiClient.on(port)
                    .post("/api/auth/login", Map.of("username", username, "password", Accounts.PASSWORD));
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
        }
    }

    @Test
    void oneAddressIsRateLimitedAcrossUsernames() {
        List<Integer> statuses = new ArrayList<>();
        ApiClient.Response last = null;
        // 20 a minute per address, refilled smoothly (one every 3 s): on a slow machine a token or two may
        // come back while the first 20 are answered, so the refusal is awaited within a few more attempts
        while (statuses.size() < 30 && (last == null || last.status() != 429)) {
            last = client.post(
                    "/api/auth/login",
                    Map.of("username", Accounts.uniqueUsername("nobody"), "password", "Wrong-Password-1"));
            statuses.add(last.status());
        }
        assertThat(statuses.subList(0, 20))
                .as("the first 20 attempts are answered")
                .containsOnly(401);
        assertProblem(last, 429, "RATE_LIMITED");
        assertThat(last.header("Retry-After")).isPresent();
    }

    @Test
    void passwordsAreStoredAsBcryptHashesWithCostAtLeastTen() {
        String username = Accounts.uniqueUsername("heidi");
        Accounts.register(client, username);
        String hash =
                jdbc.queryForObject("select password_hash from credentials where username = ?", String.class, username);
        assertThat(hash).matches("^\\$2[aby]\\$1[0-9]\\$.{53}$");
    }

    @Test
    void noEventContainsThePasswordOrItsHash() {
        String username = Accounts.uniqueUsername("ivan");
        UUID userId = Accounts.register(client, username);
        String hash =
                jdbc.queryForObject("select password_hash from credentials where username = ?", String.class, username);

        var database = mongoClient.getDatabase(mongoDatabase);
        List<String> everyStoredDocument = new ArrayList<>();
        for (String collection : database.listCollectionNames()) {
            for (Document document : database.getCollection(collection).find()) {
                everyStoredDocument.add(document.toJson());
            }
        }
        assertThat(everyStoredDocument).anyMatch(json -> json.contains(userId.toString()));
        // the name itself is sealed with the user's data key (docs/adr/0019)
        assertThat(everyStoredDocument).noneMatch(json -> json.contains(username));
        assertThat(everyStoredDocument).noneMatch(json -> json.contains(Accounts.PASSWORD));
        assertThat(everyStoredDocument).noneMatch(json -> json.contains(hash));
        assertThat(everyStoredDocument).noneMatch(json -> json.contains(hash.substring(7)));
    }

    @Test
    void aCredentialWithoutItsAccountsEventsSignsNobodyIn() {
        String username = Accounts.uniqueUsername("orphan");
        UUID userId = Accounts.register(client, username);
        String refreshToken = Accounts.login(client, username, Accounts.PASSWORD)
                .get("refreshToken")
                .asText();

        // the event store restored from before the registration, the identity database not
        var events = mongoClient.getDatabase(mongoDatabase).getCollection("domainevents");
        Document ofTheAccount = new Document("aggregateIdentifier", userId.toString());
        List<Document> stored = events.find(ofTheAccount).into(new ArrayList<>());
        assertThat(stored).isNotEmpty();
        events.deleteMany(ofTheAccount);

        ApiClient.Response login =
                client.post("/api/auth/login", Map.of("username", username, "password", Accounts.PASSWORD));
        assertThat(login.status()).as(login.toString()).isEqualTo(503);
        assertThat(login.json().get("code").asText()).isEqualTo("SERVICE_UNAVAILABLE");
        ApiClient.Response refresh = client.post("/api/auth/refresh", Map.of("refreshToken", refreshToken));
        assertThat(refresh.status()).as(refresh.toString()).isEqualTo(503);
        assertThat(refresh.body()).doesNotContain("accessToken");

        events.insertMany(stored); // restored together: the refused refresh did not spend the token
        ApiClient.Response again = client.post("/api/auth/refresh", Map.of("refreshToken", refreshToken));
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
    }

    @Test
    void everyEventNamesItsActorAndTheRequestsTraceId() {
        String username = Accounts.uniqueUsername("judy");
        String traceId = "trace" + UUID.randomUUID().toString().replace("-", "");
        UUID userId = Accounts.register(client.withHeader("X-Trace-Id", traceId), username);
        String token = Accounts.accessToken(client, username);
        String secondTrace = "trace" + UUID.randomUUID().toString().replace("-", "");
        ApiClient.Response changed = client.withToken(token)
                .withHeader("X-Trace-Id", secondTrace)
                .patch("/api/users/me", Map.of("displayName", "Judy J."));
        assertThat(changed.header("X-Trace-Id")).contains(secondTrace);

        List<DomainEventMessage<?>> events = new ArrayList<>();
        eventStore.readEvents(userId.toString()).forEachRemaining(events::add);
        assertThat(events).hasSize(2);
        assertThat(events)
                .allSatisfy(event -> assertThat(event.getMetaData().get(MessageMetadata.ACTOR))
                        .isEqualTo(userId.toString()));
        assertThat(events.get(0).getMetaData().get(MessageMetadata.TRACE_ID)).isEqualTo(traceId);
        assertThat(events.get(1).getMetaData().get(MessageMetadata.TRACE_ID)).isEqualTo(secondTrace);
    }

    @Test
    void healthShowsTheRealStores() {
        ApiClient.Response health = client.get("/actuator/health");
        assertThat(health.status()).as(health.toString()).isEqualTo(200);
        assertThat(health.json().at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(health.json().at("/components/mongo/status").asText()).isEqualTo("UP");
    }

    @Test
    void jwksPublishesOnlyThePublicKey() {
        ApiClient.Response jwks = client.get("/.well-known/jwks.json");
        assertThat(jwks.status()).isEqualTo(200);
        JsonNode key = jwks.json().get("keys").get(0);
        assertThat(key.get("kid").asText()).isEqualTo(signingKey.getKeyID());
        assertThat(key.get("n")).isNotNull();
        assertThat(key.has("d")).isFalse();
        assertThat(key.has("p")).isFalse();
    }

    private int credentialCount(String username) {
        Integer count =
                jdbc.queryForObject("select count(*) from credentials where username = ?", Integer.class, username);
        return count == null ? 0 : count;
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(base);
        copy.put(key, value);
        return copy;
    }

    private JWTClaimsSet.Builder claims(UUID userId) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .subject(userId.toString())
                .issuer("http://localhost:8081")
                .audience("studybuddy")
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600)))
                .claim("roles", List.of("USER"))
                .claim("security_stamp", 0L);
    }

    private String sign(JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(signingKey.getKeyID())
                        .build(),
                claims);
        jwt.sign(new RSASSASigner(signingKey));
        return jwt.serialize();
    }

    /** Swaps the payload for one claiming ADMIN, keeping the original signature. */
    private static String tamperPayload(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]));
        String forged = payload.replace("\"USER\"", "\"ADMIN\"");
        return parts[0] + "."
                + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes()) + "." + parts[2];
    }

    /** A valid registration of {@code username}. */
    private static Map<String, Object> registration(String username, String displayName) {
        return Map.of(
                "username",
                username,
                "email",
                username + "@studybuddy.test",
                "password",
                Accounts.PASSWORD,
                "displayName",
                displayName);
    }
}
