package dev.studybuddy.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.studybuddy.testing.ApiClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/** One user's way through all three services, each a separate process, as a client sees them. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SystemIT {

    private static final List<String> SERVICES = List.of("command-side", "query-side", "notification-saga");
    private static final String PASSWORD = "Tr1cky-Study-Pass";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RunningSystem system;

    @BeforeAll
    static void start() throws Exception {
        system = new RunningSystem().start();
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    @Order(1)
    void everyServiceReportsItsStoresHealthy() {
        for (String service : SERVICES) {
            JsonNode health = system.client(service).get("/actuator/health").json();
            assertThat(health.get("status").asText()).as(service + " " + health).isEqualTo("UP");
            assertThat(health.at("/components/db/status").asText()).as(service).isEqualTo("UP");
            assertThat(health.at("/components/mongo/status").asText())
                    .as(service)
                    .isEqualTo("UP");
        }
    }

    @Test
    @Order(2)
    void aTokenIssuedByCommandSideOpensEveryServiceAndRefreshRotationHolds() {
        ApiClient command = system.client("command-side");
        Account user = account(command, "System Tester");
        String username = user.username();
        String userId = user.userId();
        JsonNode tokens = user.tokens();
        String accessToken = user.token();

        ApiClient.Response changed =
                command.withToken(accessToken).patch("/api/users/me", Map.of("bio", "Graph theory"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(204);
        String consistency = changed.header("X-Consistency-Token").orElseThrow();

        ApiClient query = system.client("query-side").withToken(accessToken);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ApiClient.Response me =
                    query.withHeader("X-Consistency-Token", consistency).get("/api/users/me");
            assertThat(me.status()).as(me.toString()).isEqualTo(200);
            assertThat(me.json().get("userId").asText()).isEqualTo(userId);
            assertThat(me.json().get("username").asText()).isEqualTo(username);
            assertThat(me.json().get("bio").asText()).isEqualTo("Graph theory");
        });

        ApiClient.Response inbox =
                system.client("notification-saga").withToken(accessToken).get("/api/notifications");
        assertThat(inbox.status()).as(inbox.toString()).isEqualTo(200);
        assertThat(inbox.json().get("items").isArray()).isTrue();

        // The account export reads the inbox from the real notification-saga, with a grant command-side issues for
        // the caller's token: a friend request from a second user is a notification there, and a line of the first
        // user's export. Exports are limited to 3 an hour: wait for the notification in the inbox, then export once.
        Account sender = account(command, "Friendly Sender");
        String senderToken = sender.token();
        ApiClient.Response requested =
                command.withToken(senderToken).post("/api/friends/requests", Map.of("userId", userId));
        assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(system.client("notification-saga")
                                .withToken(accessToken)
                                .get("/api/notifications")
                                .json()
                                .get("items"))
                        .isNotEmpty());
        ApiClient.Response export = query.get("/api/users/me/export");
        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("application/x-ndjson");
        assertThat(export.body())
                .contains(
                        "\"type\":\"profile\"",
                        "\"username\":\"" + username + "\"",
                        "\"email\":\"" + username + "@studybuddy.test\"",
                        "\"type\":\"session\"",
                        "\"type\":\"notificationPreferences\"",
                        "\"type\":\"notification\"",
                        "\"type\":\"end\"")
                .doesNotContain(sender.username() + "@studybuddy.test");

        for (String service : SERVICES) {
            ApiClient anonymous = system.client(service);
            String path = protectedPath(service);
            assertThat(anonymous.send(method(service), path, body(service)).status())
                    .as(service)
                    .isEqualTo(401);
            String forged = accessToken.substring(0, accessToken.lastIndexOf('.') + 1) + "AAAA";
            assertThat(anonymous
                            .withToken(forged)
                            .send(method(service), path, body(service))
                            .status())
                    .as(service)
                    .isEqualTo(401);
        }

        String firstRefresh = tokens.get("refreshToken").asText();
        ApiClient.Response rotated = command.post("/api/auth/refresh", Map.of("refreshToken", firstRefresh));
        assertThat(rotated.status()).isEqualTo(200);
        assertThat(command.post("/api/auth/refresh", Map.of("refreshToken", firstRefresh))
                        .status())
                .isEqualTo(401);
        assertThat(command.post(
                                "/api/auth/refresh",
                                Map.of(
                                        "refreshToken",
                                        rotated.json().get("refreshToken").asText()))
                        .status())
                .isEqualTo(401);
        assertThat(UUID.fromString(userId)).isNotNull();
    }

    /**
     * Issue 17's features through the running services, as a client uses them: a message posted, reacted to and
     * pinned over command-side's HTTP reaches a member's STOMP session on query-side in that order, and query-side's
     * history and search show what was done.
     */
    @Test
    @Order(3)
    void aGroupsMessageReactionAndPinReachAMemberLiveAndShowInHistoryAndSearch() throws Exception {
        ApiClient command = system.client("command-side");
        Account owner = account(command, "Owner");
        Account member = account(command, "Member");
        ApiClient.Response created = command.withToken(owner.token())
                .post(
                        "/api/groups",
                        Map.of(
                                "name",
                                "System chat " + UUID.randomUUID(),
                                "visibility",
                                "PRIVATE",
                                "joinPolicy",
                                "OPEN",
                                "capacity",
                                10));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String groupId = created.json().get("groupId").asText();
        ApiClient.Response joined = command.withToken(member.token()).post("/api/groups/" + groupId + "/join", null);
        assertThat(joined.status()).as(joined.toString()).isBetween(200, 204);
        String joinedAt = joined.header("X-Consistency-Token").orElseThrow();
        ApiClient query = system.client("query-side");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> query.withToken(member.token())
                                .withHeader("X-Consistency-Token", joinedAt)
                                .get("/api/groups/" + groupId + "/messages")
                                .status()
                        == 200);

        try (Listening live = Listening.to(member.token(), "/topic/groups." + groupId)) {
            ApiClient asOwner = command.withToken(owner.token());
            String messages = "/api/groups/" + groupId + "/messages";
            JsonNode posted = postedAndDelivered(asOwner, messages, "Eigenvalues explained at last", live);
            assertThat(posted)
                    .as("a posted message reached the member's session")
                    .isNotNull();
            String messageId = posted.get("messageId").asText();

            ApiClient.Response reacted =
                    command.withToken(member.token()).put(messages + "/" + messageId + "/reactions/%3Atada%3A", null);
            assertThat(reacted.status()).as(reacted.toString()).isEqualTo(204);
            ApiClient.Response pinned = asOwner.post(messages + "/" + messageId + "/pin", null);
            assertThat(pinned.status()).as(pinned.toString()).isEqualTo(204);

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> live.frames().stream()
                            .anyMatch(frame -> frame.get("type").asText().equals("message.pinned")));
            assertThat(live.frames().stream()
                            .map(frame -> frame.get("type").asText())
                            .toList())
                    .containsSubsequence("message.posted", "reaction.changed", "message.pinned");
            String shown = messageId;
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode item =
                        query.withToken(member.token()).get(messages).json().at("/items/0");
                assertThat(item.path("messageId").asText()).isEqualTo(shown);
                assertThat(item.at("/reactions/0/emoji").asText()).isEqualTo(":tada:");
                assertThat(item.at("/reactions/0/mine").asBoolean()).isTrue();
                assertThat(query.withToken(member.token())
                                .get("/api/groups/" + groupId + "/pins")
                                .json()
                                .at("/items/0/messageId")
                                .asText())
                        .isEqualTo(shown);
            });
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> query.withToken(member.token())
                            .get("/api/search/messages?q=eigenvalue")
                            .json()
                            .path("items")
                            .findValuesAsText("messageId")
                            .contains(shown));
        }
    }

    /**
     * Direct messages through the running services: two users become friends over command-side's HTTP; a message of
     * one, the other's reaction, a pin and the first one's read reach the other's STOMP session on query-side
     * ({@code /user/queue/direct}) in that order, and query-side's conversation list, history, pins and search show
     * them.
     */
    @Test
    @Order(4)
    void aDirectMessageReactionPinAndReadReachTheFriendLiveAndShowInHistoryAndSearch() throws Exception {
        ApiClient command = system.client("command-side");
        Account listener = account(command, "Listener");
        Account writer = account(command, "Writer");
        ApiClient.Response requested =
                command.withToken(writer.token()).post("/api/friends/requests", Map.of("userId", listener.userId()));
        assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
        ApiClient.Response accepted =
                command.withToken(listener.token()).post("/api/friends/requests/" + writer.userId() + "/accept", null);
        assertThat(accepted.status()).as(accepted.toString()).isBetween(200, 204);

        try (Listening live = Listening.to(listener.token(), "/user/queue/direct")) {
            String toListener = "/api/direct/" + listener.userId() + "/messages";
            ApiClient asWriter = command.withToken(writer.token());
            JsonNode posted = postedAndDelivered(asWriter, toListener, "Flashcards on thermodynamics?", live);
            assertThat(posted)
                    .as("a direct message reached the friend's session")
                    .isNotNull();
            String messageId = posted.get("messageId").asText();
            long seq = posted.get("seq").asLong();

            String toWriter = "/api/direct/" + writer.userId();
            ApiClient asListener = command.withToken(listener.token());
            ApiClient.Response reacted =
                    asListener.put(toWriter + "/messages/" + messageId + "/reactions/%3Atada%3A", null);
            assertThat(reacted.status()).as(reacted.toString()).isEqualTo(204);
            ApiClient.Response pinned = asWriter.post(toListener + "/" + messageId + "/pin", null);
            assertThat(pinned.status()).as(pinned.toString()).isEqualTo(204);
            ApiClient.Response read = asWriter.post("/api/direct/" + listener.userId() + "/read", Map.of("seq", seq));
            assertThat(read.status()).as(read.toString()).isEqualTo(204);

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> live.frames().stream()
                            .anyMatch(frame -> frame.get("type").asText().equals("read.advanced")));
            assertThat(live.frames().stream()
                            .map(frame -> frame.get("type").asText())
                            .toList())
                    .containsSubsequence("message.posted", "reaction.changed", "message.pinned", "read.advanced");
            ApiClient query = system.client("query-side").withToken(listener.token());
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                // path() and at(): a list not yet filled fails the assertion, which is retried, not with a null
                JsonNode conversation = query.get("/api/direct").json().at("/items/0");
                assertThat(conversation.path("userId").asText()).isEqualTo(writer.userId());
                assertThat(conversation.path("otherReadSeq").asLong()).isEqualTo(seq);
                JsonNode item = query.get(toWriter + "/messages").json().at("/items/0");
                assertThat(item.path("messageId").asText()).isEqualTo(messageId);
                assertThat(item.at("/reactions/0/emoji").asText()).isEqualTo(":tada:");
                assertThat(item.at("/reactions/0/mine").asBoolean()).isTrue();
                assertThat(query.get(toWriter + "/pins")
                                .json()
                                .at("/items/0/messageId")
                                .asText())
                        .isEqualTo(messageId);
            });
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> query.get("/api/search/messages?q=thermodynamic")
                            .json()
                            .path("items")
                            .findValuesAsText("messageId")
                            .contains(messageId));
        }
    }

    /** One user's STOMP session on query-side, subscribed to one destination, with the frames it has received. */
    private record Listening(WebSocketStompClient stomp, StompSession session, List<JsonNode> frames)
            implements AutoCloseable {

        static Listening to(String token, String destination) throws Exception {
            List<JsonNode> frames = new CopyOnWriteArrayList<>();
            WebSocketStompClient stomp = new WebSocketStompClient(new StandardWebSocketClient());
            StompHeaders connect = new StompHeaders();
            connect.add("Authorization", "Bearer " + token);
            StompSession session = stomp.connectAsync(
                            "ws://127.0.0.1:" + system.port("query-side") + "/ws",
                            new WebSocketHttpHeaders(),
                            connect,
                            new StompSessionHandlerAdapter() {})
                    .get(30, TimeUnit.SECONDS);
            try {
                session.subscribe(destination, new StompFrameHandler() {
                    @Override
                    public Type getPayloadType(StompHeaders headers) {
                        return byte[].class;
                    }

                    @Override
                    public void handleFrame(StompHeaders headers, Object payload) {
                        try {
                            frames.add(JSON.readTree((byte[]) payload));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                });
            } catch (RuntimeException e) {
                session.disconnect();
                stomp.stop();
                throw e;
            }
            return new Listening(stomp, session, frames);
        }

        @Override
        public void close() {
            session.disconnect();
            stomp.stop();
        }
    }

    /**
     * Posts {@code body} to {@code messages} until one of the posts reaches the session (the first may be posted before
     * the node counts the subscription), at most six times: the answer {@code {messageId, seq}} of the one that did,
     * or null.
     */
    private static JsonNode postedAndDelivered(ApiClient as, String messages, String body, Listening live)
            throws InterruptedException {
        for (int attempt = 0; attempt < 6; attempt++) {
            ApiClient.Response posted = as.post(messages, Map.of("body", body));
            assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
            JsonNode answer = posted.json();
            String id = answer.get("messageId").asText();
            if (frameArrives(
                    live.frames(),
                    frame -> id.equals(frame.at("/message/messageId").asText()))) {
                return answer;
            }
        }
        return null;
    }

    /** Whether a frame that {@code wanted} came, or comes within five seconds. */
    private static boolean frameArrives(List<JsonNode> frames, Predicate<JsonNode> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (frames.stream().anyMatch(wanted)) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    private static Account account(ApiClient command, String displayName) {
        String username = "sys_" + Long.toString(System.nanoTime(), 36);
        ApiClient.Response registered = command.post(
                "/api/auth/register",
                Map.of(
                        "username",
                        username,
                        "email",
                        username + "@studybuddy.test",
                        "password",
                        PASSWORD,
                        "displayName",
                        displayName));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        JsonNode tokens = command.post("/api/auth/login", Map.of("username", username, "password", PASSWORD))
                .json();
        return new Account(registered.json().get("userId").asText(), username, tokens);
    }

    /** A registered, signed-in user: {@code tokens} as the login answered them. */
    private record Account(String userId, String username, JsonNode tokens) {
        String token() {
            return tokens.get("accessToken").asText();
        }
    }

    @Test
    @Order(5)
    void everyServiceShutsDownGracefullyOnSigterm() throws Exception {
        system.close();
        for (String service : SERVICES) {
            assertThat(system.process(service).isAlive()).as(service).isFalse();
            assertThat(system.log(service)).as(service).contains("Graceful shutdown complete");
        }
    }

    private static String protectedPath(String service) {
        return switch (service) {
            case "command-side" -> "/api/users/me";
            case "query-side" -> "/api/users/me";
            default -> "/api/notifications";
        };
    }

    private static String method(String service) {
        return service.equals("command-side") ? "PATCH" : "GET";
    }

    private static Object body(String service) {
        return service.equals("command-side") ? Map.of("bio", "x") : null;
    }
}
