package dev.studybuddy.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.studybuddy.testing.ApiClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** One user's way through all three services, each a separate process, as a client sees them. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SystemIT {

    private static final List<String> SERVICES = List.of("command-side", "query-side", "notification-saga");
    private static final String PASSWORD = "Tr1cky-Study-Pass";

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
                        "System Tester"));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String userId = registered.json().get("userId").asText();

        JsonNode tokens = command.post("/api/auth/login", Map.of("username", username, "password", PASSWORD))
                .json();
        String accessToken = tokens.get("accessToken").asText();

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
        String sender = "sys_" + Long.toString(System.nanoTime(), 36);
        assertThat(command.post(
                                "/api/auth/register",
                                Map.of(
                                        "username",
                                        sender,
                                        "email",
                                        sender + "@studybuddy.test",
                                        "password",
                                        PASSWORD,
                                        "displayName",
                                        "Friendly Sender"))
                        .status())
                .isEqualTo(201);
        String senderToken = command.post("/api/auth/login", Map.of("username", sender, "password", PASSWORD))
                .json()
                .get("accessToken")
                .asText();
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
                .doesNotContain(sender + "@studybuddy.test");

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

    @Test
    @Order(3)
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
