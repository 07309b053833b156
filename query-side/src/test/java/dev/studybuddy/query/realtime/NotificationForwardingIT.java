package dev.studybuddy.query.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.studybuddy.query.support.QuerySideIT;
import dev.studybuddy.query.support.StompClients;
import dev.studybuddy.query.support.StompClients.Client;
import dev.studybuddy.testing.TestTokenIssuer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * notification-saga's in-app delivery reaches the recipient's sessions: what its {@code InAppDelivery}
 * publishes on the real Redis arrives at {@code /user/queue/notifications} of every session of the
 * recipient, and of nobody else.
 */
@QuerySideIT
class NotificationForwardingIT {

    private static final String QUEUE = "/user/queue/notifications";

    @LocalServerPort
    int port;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    ObjectMapper json;

    final List<Client> clients = new ArrayList<>();

    @AfterEach
    void disconnect() {
        clients.forEach(Client::close);
    }

    @Test
    void anInAppNotificationReachesEverySessionOfItsRecipientOnly() throws Exception {
        UUID recipient = UUID.randomUUID();
        UUID bystander = UUID.randomUUID();
        Client phone = subscribed(recipient);
        Client laptop = subscribed(recipient);
        Client other = subscribed(bystander);
        awaitSubscribed(List.of(phone, laptop), recipient);
        awaitSubscribed(List.of(other), bystander);

        UUID notificationId = UUID.randomUUID();
        Instant createdAt = Instant.parse("2026-03-01T10:15:30.123Z");
        publishAsInAppDelivery(
                notificationId,
                recipient,
                "friend-request.received",
                Map.of("requesterId", bystander.toString(), "requesterName", "Ada"),
                createdAt);

        for (Client session : List.of(phone, laptop)) {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> notifications(session).size() == 1);
            JsonNode frame = notifications(session).get(0);
            assertThat(frame.get("recipient").asText()).isEqualTo(recipient.toString());
            assertThat(frame.at("/notification/id").asText()).isEqualTo(notificationId.toString());
            assertThat(frame.at("/notification/type").asText()).isEqualTo("friend-request.received");
            assertThat(frame.at("/notification/payload/requesterName").asText()).isEqualTo("Ada");
            assertThat(frame.at("/notification/createdAt").asText()).isEqualTo("2026-03-01T10:15:30.123Z");
        }
        // the bystander's own notification, published after the recipient's, arriving alone shows the
        // recipient's never went their way
        UUID theirs = UUID.randomUUID();
        publishAsInAppDelivery(theirs, bystander, "group.invited", Map.of(), createdAt);
        await().atMost(Duration.ofSeconds(10)).until(() -> notifications(other).size() == 1);
        assertThat(notifications(other).get(0).at("/notification/id").asText()).isEqualTo(theirs.toString());
        assertThat(notifications(phone)).hasSize(1);
        assertThat(notifications(laptop)).hasSize(1);
        assertThat(List.of(phone, laptop, other))
                .allSatisfy(session -> assertThat(session.errors).isEmpty());
    }

    /** Exactly what notification-saga's {@code InAppDelivery.deliver} publishes (channel and JSON). */
    private void publishAsInAppDelivery(
            UUID id, UUID recipient, String type, Map<String, Object> payload, Instant createdAt) throws Exception {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", id.toString());
        item.put("type", type);
        item.put("payload", payload);
        item.put("createdAt", createdAt.toString());
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "notification");
        frame.put("recipient", recipient.toString());
        frame.put("notification", item);
        redis.convertAndSend("studybuddy:user:" + recipient + ":notifications", json.writeValueAsString(frame));
    }

    /** A SUBSCRIBE gets no receipt here: a probe on the user's channel coming back shows it is in place. */
    private void awaitSubscribed(List<Client> sessions, UUID user) {
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    redis.convertAndSend("studybuddy:user:" + user + ":notifications", "{\"type\":\"probe\"}");
                    return sessions.stream()
                            .allMatch(session -> !session.framesOf("probe").isEmpty());
                });
    }

    private static List<JsonNode> notifications(Client session) {
        return session.framesOf("notification");
    }

    private Client subscribed(UUID user) throws Exception {
        Client client = StompClients.connected(port, TestTokenIssuer.get().accessToken(user));
        clients.add(client);
        return client.subscribe(QUEUE);
    }
}
