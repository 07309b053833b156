package dev.studybuddy.command.identity;

import static dev.studybuddy.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.studybuddy.api.user.SessionEndedEvent;
import dev.studybuddy.command.support.Accounts;
import dev.studybuddy.command.support.CommandSideIT;
import dev.studybuddy.testing.ApiClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A user's sessions over real HTTP: two devices signed in, listed, one of them ended (docs/api.md, Identity). */
@CommandSideIT
class SessionsIT {

    private static final String LAPTOP = "Mozilla/5.0 (X11; Linux x86_64) StudyBuddyTest/laptop";
    private static final String PHONE = "StudyBuddy-Android/2.3 (Pixel 8) StudyBuddyTest/phone";

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    ApiClient client;

    @BeforeEach
    void setUp() {
        client = ApiClient.on(port);
    }

    @Test
    void twoDevicesAreListedAndEndingOneRefusesItsTokensWhileTheOtherGoesOn() throws InterruptedException {
        String username = Accounts.uniqueUsername("tess");
        Accounts.register(client, username);
        Device laptop = signIn(username, LAPTOP);
        Device phone = signIn(username, PHONE);

        ApiClient.Response listed = phone.api().get("/api/users/me/sessions");
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(userAgents(listed.json())).containsExactlyInAnyOrder(LAPTOP, PHONE);
        JsonNode laptopSession = sessionWith(listed.json(), LAPTOP);
        JsonNode phoneSession = sessionWith(listed.json(), PHONE);
        assertThat(phoneSession.get("current").asBoolean()).isTrue();
        assertThat(laptopSession.get("current").asBoolean()).isFalse();
        assertThat(laptopSession.get("address").asText()).isNotBlank();
        assertThat(laptopSession.get("createdAt").asText()).isNotBlank();
        assertThat(laptopSession.get("lastUsedAt").asText()).isNotBlank();

        ApiClient.Response ended = phone.api()
                .delete("/api/users/me/sessions/" + laptopSession.get("id").asText());
        assertThat(ended.status()).as(ended.toString()).isEqualTo(204);

        assertProblem(laptop.refresh(), 401, "INVALID_REFRESH_TOKEN");
        assertRefusedWithinASecond(laptop.api());

        assertThat(phone.api()
                        .patch("/api/users/me", Map.of("bio", "still here"))
                        .status())
                .isEqualTo(204);
        ApiClient.Response refreshed = phone.refresh();
        assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
        ApiClient onPhoneAgain = client.withHeader("User-Agent", PHONE)
                .withToken(refreshed.json().get("accessToken").asText());
        ApiClient.Response after = onPhoneAgain.get("/api/users/me/sessions");
        assertThat(userAgents(after.json())).containsExactly(PHONE);
        assertThat(after.json().get(0).get("id").asText())
                .isEqualTo(phoneSession.get("id").asText());
        assertThat(after.json().get(0).get("current").asBoolean()).isTrue();
    }

    @Test
    void anotherUsersSessionIsNotFoundAndStaysUsable() throws InterruptedException {
        String owner = Accounts.uniqueUsername("uma");
        Accounts.register(client, owner);
        Device ownersLaptop = signIn(owner, LAPTOP);
        String ownersSession = ownersLaptop
                .api()
                .get("/api/users/me/sessions")
                .json()
                .get(0)
                .get("id")
                .asText();
        String stranger = Accounts.uniqueUsername("vic");
        Accounts.register(client, stranger);
        Device strangers = signIn(stranger, PHONE);

        assertProblem(strangers.api().delete("/api/users/me/sessions/" + ownersSession), 404, "NOT_FOUND");
        assertProblem(strangers.api().delete("/api/users/me/sessions/" + UUID.randomUUID()), 404, "NOT_FOUND");
        assertThat(strangers.api().get("/api/users/me/sessions").json()).hasSize(1);

        Thread.sleep(300);
        assertThat(ownersLaptop
                        .api()
                        .patch("/api/users/me", Map.of("bio", "mine"))
                        .status())
                .isEqualTo(204);
        assertThat(ownersLaptop.refresh().status()).isEqualTo(200);
    }

    @Test
    void logoutEndsItsSessionsAccessTokensToo() throws InterruptedException {
        String username = Accounts.uniqueUsername("wes");
        Accounts.register(client, username);
        Device laptop = signIn(username, LAPTOP);
        Device phone = signIn(username, PHONE);

        assertThat(client.post("/api/auth/logout", Map.of("refreshToken", laptop.refreshToken()))
                        .status())
                .isEqualTo(204);

        assertRefusedWithinASecond(laptop.api());
        assertThat(userAgents(phone.api().get("/api/users/me/sessions").json())).containsExactly(PHONE);
        assertThat(phone.api()
                        .patch("/api/users/me", Map.of("bio", "phone only"))
                        .status())
                .isEqualTo(204);
    }

    /**
     * A spent refresh token shown again means one of its copies was stolen: whoever rotated it first (the thief, here)
     * loses the session's access tokens too, and the session ends once, however often the spent token comes back.
     */
    @Test
    void reusingASpentRefreshTokenEndsItsSessionsAccessTokensOnce() throws InterruptedException {
        String username = Accounts.uniqueUsername("yves");
        UUID userId = Accounts.register(client, username);
        Device laptop = signIn(username, LAPTOP);
        Device phone = signIn(username, PHONE);
        ApiClient.Response stolen = client.post("/api/auth/refresh", Map.of("refreshToken", laptop.refreshToken()));
        assertThat(stolen.status()).as(stolen.toString()).isEqualTo(200);
        ApiClient thief = client.withToken(stolen.json().get("accessToken").asText());

        assertProblem(laptop.refresh(), 401, "INVALID_REFRESH_TOKEN");

        assertRefusedWithinASecond(thief);
        assertRefusedWithinASecond(laptop.api());
        assertThat(userAgents(phone.api().get("/api/users/me/sessions").json())).containsExactly(PHONE);
        assertProblem(laptop.refresh(), 401, "INVALID_REFRESH_TOKEN");
        assertThat(client.post("/api/auth/logout", Map.of("refreshToken", laptop.refreshToken()))
                        .status())
                .isEqualTo(204);
        assertThat(sessionsEndedOf(userId)).isEqualTo(1);
        assertThat(phone.api()
                        .patch("/api/users/me", Map.of("bio", "phone only"))
                        .status())
                .isEqualTo(204);
    }

    @Test
    void logoutAllEndsEverySession() throws InterruptedException {
        String username = Accounts.uniqueUsername("xia");
        Accounts.register(client, username);
        Device laptop = signIn(username, LAPTOP);
        Device phone = signIn(username, PHONE);

        assertThat(phone.api().post("/api/auth/logout-all", null).status()).isEqualTo(204);

        assertRefusedWithinASecond(laptop.api());
        assertRefusedWithinASecond(phone.api());
        assertProblem(laptop.refresh(), 401, "INVALID_REFRESH_TOKEN");
        assertProblem(phone.refresh(), 401, "INVALID_REFRESH_TOKEN");
        ApiClient again = client.withToken(Accounts.accessToken(client, username));
        assertThat(again.get("/api/users/me/sessions").json()).hasSize(1);
    }

    private long sessionsEndedOf(UUID userId) {
        List<Object> payloads = new ArrayList<>();
        eventStore.readEvents(userId.toString()).forEachRemaining(event -> payloads.add(event.getPayload()));
        return payloads.stream().filter(SessionEndedEvent.class::isInstance).count();
    }

    private Device signIn(String username, String userAgent) {
        ApiClient device = client.withHeader("User-Agent", userAgent);
        JsonNode tokens = Accounts.login(device, username, Accounts.PASSWORD);
        return new Device(
                device,
                device.withToken(tokens.get("accessToken").asText()),
                tokens.get("refreshToken").asText());
    }

    private static List<String> userAgents(JsonNode sessions) {
        List<String> agents = new ArrayList<>();
        sessions.forEach(session -> agents.add(session.get("userAgent").asText()));
        return agents;
    }

    private static JsonNode sessionWith(JsonNode sessions, String userAgent) {
        for (JsonNode session : sessions) {
            if (userAgent.equals(session.get("userAgent").asText())) {
                return session;
            }
        }
        throw new AssertionError("no session of " + userAgent + " in " + sessions);
    }

    private static void assertRefusedWithinASecond(ApiClient withOldToken) throws InterruptedException {
        long deadline = System.nanoTime() + 1_000_000_000L;
        ApiClient.Response response = withOldToken.patch("/api/users/me", Map.of("bio", "still in?"));
        while (response.status() != 401 && System.nanoTime() < deadline) {
            Thread.sleep(50);
            response = withOldToken.patch("/api/users/me", Map.of("bio", "still in?"));
        }
        assertProblem(response, 401, "UNAUTHENTICATED");
    }

    /** One device: its User-Agent, its access token, its refresh token. */
    private record Device(ApiClient anonymous, ApiClient api, String refreshToken) {

        ApiClient.Response refresh() {
            return anonymous.post("/api/auth/refresh", Map.of("refreshToken", refreshToken));
        }
    }
}
