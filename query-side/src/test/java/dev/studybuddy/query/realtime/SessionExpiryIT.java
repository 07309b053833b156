package dev.studybuddy.query.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studybuddy.platform.consistency.ConsistencyToken;
import dev.studybuddy.query.support.QuerySideIT;
import dev.studybuddy.query.support.StompClients;
import dev.studybuddy.query.support.StompClients.Client;
import dev.studybuddy.query.support.UserAccounts;
import dev.studybuddy.testing.TestTokenIssuer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * An open STOMP session ends, with an ERROR frame and the close, when its token expires or its user's security
 * stamp moves on; nothing is delivered to it afterwards.
 */
@QuerySideIT
class SessionExpiryIT {

    private static final String QUEUE = "/user/queue/notifications";

    @LocalServerPort
    int port;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    UserAccounts accounts;

    final List<Client> clients = new ArrayList<>();

    @AfterEach
    void disconnect() {
        clients.forEach(Client::close);
    }

    @Test
    void aSessionEndsWhenItsTokenExpires() throws Exception {
        UUID user = UUID.randomUUID();
        long expiresAt = System.currentTimeMillis() + 3_000;
        Client session = connected(TestTokenIssuer.get().accessToken(user, 0, Duration.ofSeconds(3), "USER"));
        session.subscribe(QUEUE);
        awaitSubscribed(session, user);

        String refusal = session.awaitRefusal();

        assertThat(refusal).isIn("ERROR The access token has expired.", Client.CLOSED_WITHOUT_ERROR_FRAME);
        assertThat(System.currentTimeMillis())
                .as("ended within a second of its token's expiry")
                .isLessThan(expiresAt + 1_000);
        await().atMost(Duration.ofSeconds(1)).until(() -> !session.isConnected());
        int probesBefore = session.framesOf("probe").size();
        redis.convertAndSend(channel(user), "{\"type\":\"probe\"}");
        Thread.sleep(300);
        assertThat(session.framesOf("probe"))
                .as("nothing delivered after expiry")
                .hasSize(probesBefore);
    }

    @Test
    void aSessionEndsWithinASecondOfItsUsersDeactivation() throws Exception {
        UUID user = accounts.register(UserAccounts.uniqueUsername("closing"), "Closing Session")
                .userId();
        Client session = connected(TestTokenIssuer.get().accessToken(user, 0, Duration.ofMinutes(5), "USER"));
        session.subscribe(QUEUE);
        awaitSubscribed(session, user);

        ConsistencyToken deactivation = accounts.deactivate(user);
        long announcedAt = System.currentTimeMillis();
        // as command-side announces the new security stamp once the deactivation is committed
        redis.convertAndSend("studybuddy:security:stamps", user + " " + deactivation.sequence());

        String refusal = session.awaitRefusal();
        assertThat(refusal).isIn("ERROR The access token was revoked.", Client.CLOSED_WITHOUT_ERROR_FRAME);
        assertThat(System.currentTimeMillis()).as("ended within a second").isLessThan(announcedAt + 1_000);
        await().atMost(Duration.ofSeconds(1)).until(() -> !session.isConnected());
    }

    private Client connected(String token) throws Exception {
        Client client = StompClients.connected(port, token);
        clients.add(client);
        return client;
    }

    private void awaitSubscribed(Client session, UUID user) {
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    redis.convertAndSend(channel(user), "{\"type\":\"probe\"}");
                    return !session.framesOf("probe").isEmpty();
                });
    }

    private static String channel(UUID user) {
        return "studybuddy:user:" + user + ":notifications";
    }
}
