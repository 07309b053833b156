package dev.studybuddy.query.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studybuddy.api.friendship.DirectMessageSentEvent;
import dev.studybuddy.api.group.GroupMessagePostedEvent;
import dev.studybuddy.api.group.GroupVisibility;
import dev.studybuddy.api.group.JoinPolicy;
import dev.studybuddy.api.group.MemberJoinedEvent;
import dev.studybuddy.platform.consistency.ConsistencyToken;
import dev.studybuddy.platform.consistency.ConsistencyTokens;
import dev.studybuddy.query.support.Chats;
import dev.studybuddy.query.support.Friendships;
import dev.studybuddy.query.support.Groups;
import dev.studybuddy.query.support.QuerySideIT;
import dev.studybuddy.query.support.UserAccounts;
import dev.studybuddy.testing.ApiClient;
import dev.studybuddy.testing.TestTokenIssuer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
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

    @Autowired
    ConsistencyTokens consistencyTokens;

    private static final String USERS = "users";
    private static final String GROUPS = "groups";

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    Groups groups;

    @Autowired
    Chats chats;

    @Autowired
    Friendships friendships;

    @Autowired
    ProjectionInterests interests;

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

    @Test
    void aProjectionTakesTheTypesItsHandlersTakeAndAnUnknownTypeCountsAsTaken() {
        assertThat(interests.takesType(GROUPS, MemberJoinedEvent.class.getName()))
                .isTrue();
        assertThat(interests.takesType(GROUPS, GroupMessagePostedEvent.class.getName()))
                .isFalse();
        assertThat(interests.takesType("chat", GroupMessagePostedEvent.class.getName()))
                .isTrue();
        assertThat(interests.takesType("friendships", DirectMessageSentEvent.class.getName()))
                .isFalse();
        assertThat(interests.takesType(GROUPS, "dev.studybuddy.api.group.NoSuchEvent"))
                .isTrue();
        assertThat(interests.takesType("no-such-projection", MemberJoinedEvent.class.getName()))
                .isTrue();
    }

    /** {@code groups} does not take a group's messages in: their tokens are met by the roster events before them. */
    @Test
    void aMessagesTokenIsMetAtOnceByAProjectionThatHasTheEventsBeforeItThatItApplies() {
        UUID owner = accounts.register(UserAccounts.uniqueUsername("talker"), "Talker")
                .userId();
        Groups.Created group = groups.create(owner, "Talkers", GroupVisibility.PUBLIC, JoinPolicy.OPEN, 10);
        accounts.awaitProjected(GROUPS, group.token());
        ConsistencyToken message = chats.post(group.groupId(), owner, "hello").token();
        ConsistencyToken later = chats.post(group.groupId(), owner, "again").token();

        for (ConsistencyToken token : new ConsistencyToken[] {message, later}) {
            long started = System.nanoTime();
            ApiClient.Response response = as(owner, token).get("/api/groups/" + group.groupId());
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.header(ConsistencyToken.STATUS_HEADER)).isEmpty();
            assertThat(took).isLessThan(Duration.ofMillis(QuerySideIT.MAX_WAIT_MILLIS / 2));
        }
    }

    @Test
    void aMessagesTokenWaitsForARosterEventBeforeItThatTheProjectionHasNotApplied() throws Exception {
        UUID owner =
                accounts.register(UserAccounts.uniqueUsername("host"), "Host").userId();
        UUID joiner = accounts.register(UserAccounts.uniqueUsername("joiner"), "Joiner")
                .userId();
        Groups.Created group = groups.create(owner, "Hosts", GroupVisibility.PUBLIC, JoinPolicy.OPEN, 10);
        accounts.awaitProjected(GROUPS, group.token());
        StreamingEventProcessor projection = processorOf(GROUPS);

        projection.shutDown();
        CompletableFuture<ApiClient.Response> read;
        try {
            groups.join(group.groupId(), joiner);
            ConsistencyToken message =
                    chats.post(group.groupId(), joiner, "I'm in").token();
            read = CompletableFuture.supplyAsync(
                    () -> as(joiner, message).get("/api/groups/" + group.groupId() + "/members"));
            Thread.sleep(500);
            assertThat(read)
                    .as("the read waits for the join before the message")
                    .isNotDone();
        } finally {
            projection.start();
        }

        ApiClient.Response response = read.get(QuerySideIT.MAX_WAIT_MILLIS + 5000, TimeUnit.MILLISECONDS);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.header(ConsistencyToken.STATUS_HEADER)).isEmpty();
        assertThat(response.json().get("items").findValuesAsText("userId")).contains(joiner.toString());
    }

    @Test
    void aDirectMessagesTokenIsMetByTheFriendshipsProjection() {
        UUID ann =
                accounts.register(UserAccounts.uniqueUsername("dmann"), "Ann").userId();
        UUID bob =
                accounts.register(UserAccounts.uniqueUsername("dmbob"), "Bob").userId();
        friendships.request(ann, bob);
        accounts.awaitProjected("friendships", friendships.accept(ann, bob));
        ConsistencyToken message = chats.sendDirect(ann, bob, "hi Bob").token();

        long started = System.nanoTime();
        ApiClient.Response response = as(ann, message).get("/api/friends");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.header(ConsistencyToken.STATUS_HEADER)).isEmpty();
        assertThat(response.json().get("items").findValuesAsText("userId")).containsExactly(bob.toString());
        assertThat(took).isLessThan(Duration.ofMillis(QuerySideIT.MAX_WAIT_MILLIS / 2));
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

    /**
     * A token a client made up, naming someone else's write (their friendship, a private group), tells nothing: it is
     * refused alike whether or not that write exists. Unsigned, a token naming a stored event was waited on and one
     * naming none refused, which told whether two users had ever been friends or blocked, and how much they wrote.
     */
    @Test
    void aTokenMadeUpByAClientIsRefusedAlikeWhetherOrNotItsWriteExists() {
        UserAccounts.Registered someoneElse = accounts.register(UserAccounts.uniqueUsername("private"), "Private");
        accounts.awaitProjected(USERS, someoneElse.token());
        String stored = unsigned(someoneElse.userId() + "@0");
        String neverStored = unsigned(someoneElse.userId() + "@99");

        ApiClient.Response aboutStored =
                caller.withHeader(ConsistencyToken.HEADER, stored).get("/api/users/me");
        ApiClient.Response aboutNeverStored =
                caller.withHeader(ConsistencyToken.HEADER, neverStored).get("/api/users/me");

        assertThat(aboutStored.status()).as(aboutStored.toString()).isEqualTo(400);
        assertThat(aboutStored.json().get("code").asText()).isEqualTo("MALFORMED_REQUEST");
        assertThat(aboutNeverStored.status()).isEqualTo(400);
        assertThat(aboutNeverStored.json().get("detail"))
                .isEqualTo(aboutStored.json().get("detail"));
    }

    private static String unsigned(String write) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(write.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aTokenThisServiceDidNotIssueIsRefused() {
        ApiClient.Response response =
                caller.withHeader(ConsistencyToken.HEADER, "%%%").get("/api/users/me");

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asText()).isEqualTo("MALFORMED_REQUEST");
    }

    private ApiClient as(UUID user, ConsistencyToken token) {
        return ApiClient.on(port)
                .withToken(TestTokenIssuer.get().accessToken(user))
                .withHeader(ConsistencyToken.HEADER, consistencyTokens.encode(token));
    }

    private StreamingEventProcessor processorOf(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow();
    }

    private ApiClient withToken(ConsistencyToken token) {
        return caller.withHeader(ConsistencyToken.HEADER, consistencyTokens.encode(token));
    }
}
