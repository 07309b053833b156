package dev.studybuddy.query.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studybuddy.platform.consistency.ConsistencyToken;
import dev.studybuddy.query.support.QuerySideIT;
import dev.studybuddy.query.support.UserAccounts;
import dev.studybuddy.testing.ApiClient;
import dev.studybuddy.testing.TestTokenIssuer;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@QuerySideIT
class ReadYourWritesIT {

    private static final String USERS = "users";

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    EventProcessingConfiguration processing;

    ApiClient caller;

    @BeforeEach
    void setUp() {
        caller = ApiClient.on(port).withToken(TestTokenIssuer.get().accessToken(UUID.randomUUID()));
    }

    @Test
    void aReadWithTheTokenRightAfterTheWriteSeesIt() {
        String username = UserAccounts.uniqueUsername("fresh");
        UserAccounts.Registered registered = accounts.register(username, "Fresh");

        ApiClient.Response response = withToken(registered.token()).get("/api/users/" + registered.userId());

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("username").asText()).isEqualTo(username);
        assertThat(response.header(ConsistencyToken.STATUS_HEADER)).isEmpty();
    }

    @Test
    void aReadWaitsForAProjectionThatIsBehind() throws Exception {
        UserAccounts.Registered registered = accounts.register(UserAccounts.uniqueUsername("paused"), "Before");
        accounts.awaitProjected(USERS, registered.token());
        StreamingEventProcessor users =
                processing.eventProcessor(USERS, StreamingEventProcessor.class).orElseThrow();

        users.shutDown();
        CompletableFuture<ApiClient.Response> read;
        try {
            ConsistencyToken write = accounts.changeProfile(registered.userId(), "After", null);
            read = CompletableFuture.supplyAsync(() -> withToken(write).get("/api/users/" + registered.userId()));
            Thread.sleep(500);
            assertThat(read)
                    .as("the read waits while the projection is stopped")
                    .isNotDone();
        } finally {
            users.start();
        }

        ApiClient.Response response = read.get(QuerySideIT.MAX_WAIT_MILLIS + 5000, TimeUnit.MILLISECONDS);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("displayName").asText()).isEqualTo("After");
        assertThat(response.header(ConsistencyToken.STATUS_HEADER)).isEmpty();
    }

    @Test
    void aWriteTheProjectionDoesNotReachIsAnsweredStaleWithinTheBound() {
        UserAccounts.Registered registered = accounts.register(UserAccounts.uniqueUsername("stale"), "Stale");
        accounts.awaitProjected(USERS, registered.token());
        StreamingEventProcessor users =
                processing.eventProcessor(USERS, StreamingEventProcessor.class).orElseThrow();

        users.shutDown();
        try {
            ConsistencyToken unreached = accounts.changeProfile(registered.userId(), "Later", null);
            long started = System.nanoTime();
            ApiClient.Response response = withToken(unreached).get("/api/users/" + registered.userId());
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.json().get("displayName").asText()).isEqualTo("Stale");
            assertThat(response.header(ConsistencyToken.STATUS_HEADER)).contains("stale");
            assertThat(took)
                    .isBetween(
                            Duration.ofMillis(QuerySideIT.MAX_WAIT_MILLIS),
                            Duration.ofMillis(QuerySideIT.MAX_WAIT_MILLIS + 2000));
        } finally {
            users.start();
        }
    }

    /** A forged token (well-formed, naming a write that was never made) is refused at once, not waited on. */
    @Test
    void aTokenNamingNoStoredWriteIsRefusedAtOnce() {
        UserAccounts.Registered registered = accounts.register(UserAccounts.uniqueUsername("forged"), "Forged");
        accounts.awaitProjected(USERS, registered.token());
        ConsistencyToken never = new ConsistencyToken(registered.userId().toString(), 99);

        long started = System.nanoTime();
        ApiClient.Response response = withToken(never).get("/api/users/" + registered.userId());
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("code").asText()).isEqualTo("MALFORMED_REQUEST");
        assertThat(took).isLessThan(Duration.ofMillis(QuerySideIT.MAX_WAIT_MILLIS));
    }

    @Test
    void aTokenThisServiceDidNotIssueIsRefused() {
        ApiClient.Response response =
                caller.withHeader(ConsistencyToken.HEADER, "%%%").get("/api/users/me");

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asText()).isEqualTo("MALFORMED_REQUEST");
    }

    private ApiClient withToken(ConsistencyToken token) {
        return caller.withHeader(ConsistencyToken.HEADER, token.encode());
    }
}
