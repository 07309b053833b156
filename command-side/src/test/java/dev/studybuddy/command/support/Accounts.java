package dev.studybuddy.command.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.studybuddy.testing.ApiClient;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Registers and signs in users through the public API, as a client would. */
public final class Accounts {

    public static final String ADMIN_USERNAME = "root";
    public static final String ADMIN_PASSWORD = "Root-Password-42";
    public static final String PASSWORD = "Tr1cky-Study-Pass";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static String adminToken;

    private Accounts() {}

    /** A user name no other test uses. */
    public static String uniqueUsername(String prefix) {
        return prefix + "_" + SEQUENCE.incrementAndGet() + "_" + Long.toString(System.nanoTime() % 1_000_000, 36);
    }

    public static UUID register(ApiClient client, String username) {
        return register(client, username, PASSWORD);
    }

    public static UUID register(ApiClient client, String username, String password) {
        ApiClient.Response response = client.post(
                "/api/auth/register",
                Map.of(
                        "username",
                        username,
                        "email",
                        username + "@studybuddy.test",
                        "password",
                        password,
                        "displayName",
                        "User " + username));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return UUID.fromString(response.json().get("userId").asText());
    }

    public static JsonNode login(ApiClient client, String username, String password) {
        ApiClient.Response response =
                client.post("/api/auth/login", Map.of("username", username, "password", password));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    public static String accessToken(ApiClient client, String username) {
        return login(client, username, PASSWORD).get("accessToken").asText();
    }

    /** A new user, registered and signed in, with a client that sends their access token. */
    public static SignedInUser signedIn(int port, String prefix) {
        ApiClient client = ApiClient.on(port);
        String username = uniqueUsername(prefix);
        UUID id = register(client, username);
        return new SignedInUser(id, username, client.withToken(accessToken(client, username)));
    }

    public record SignedInUser(UUID id, String username, ApiClient api) {}

    /**
     * The administrator's access token, signed in once per test JVM: the per-username login limit would
     * otherwise count every test that acts as the administrator.
     */
    public static synchronized String adminToken(ApiClient client) {
        if (adminToken == null) {
            adminToken = login(client, ADMIN_USERNAME, ADMIN_PASSWORD)
                    .get("accessToken")
                    .asText();
        }
        return adminToken;
    }
}
