package dev.studybuddy.query.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studybuddy.query.support.QuerySideIT;
import dev.studybuddy.query.support.RawStomp;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.messaging.simp.user.SimpUser;
import org.springframework.messaging.simp.user.SimpUserRegistry;

/**
 * A connection holds at most {@code studybuddy.websocket.max-subscriptions} subscriptions at once, over a real
 * WebSocket in raw STOMP frames (so that each SUBSCRIBE's id is the test's own), counted by the node's own
 * {@link SimpUserRegistry}: one more is refused, an UNSUBSCRIBE makes room again, a SUBSCRIBE without an id is
 * refused, with an ERROR frame or the close alone ({@link RawStomp#refusal()}).
 */
@QuerySideIT
class SubscriptionQuotaIT {

    private static final String NOTIFICATIONS = "/user/queue/notifications";

    @LocalServerPort
    int port;

    @Autowired
    RealtimeProperties properties;

    @Autowired
    SimpUserRegistry users;

    @Test
    void aSubscriptionBeyondTheLimitIsRefusedAndAnUnsubscribeMakesRoom() throws Exception {
        int max = properties.maxSubscriptions();
        UUID user = UUID.randomUUID();
        try (RawStomp stomp = RawStomp.connected(port, user)) {
            for (int i = 0; i < max; i++) {
                stomp.send(subscribe("s" + i));
            }
            awaitSubscriptions(user, max);
            stomp.send("UNSUBSCRIBE\nid:s0\n\n\u0000");
            awaitSubscriptions(user, max - 1);
            stomp.send(subscribe("s" + max));
            awaitSubscriptions(user, max);

            stomp.send(subscribe("s" + (max + 1)));

            assertThat(stomp.refusal())
                    .isIn(
                            "ERROR: A connection holds at most " + max + " subscriptions; UNSUBSCRIBE one first.",
                            RawStomp.CLOSED_AS_REFUSED);
        }
    }

    @Test
    void aSubscribeWithoutAnIdIsRefused() throws Exception {
        try (RawStomp stomp = RawStomp.connected(port, UUID.randomUUID())) {
            stomp.send("SUBSCRIBE\ndestination:" + NOTIFICATIONS + "\n\n\u0000");

            assertThat(stomp.refusal()).isIn("ERROR: SUBSCRIBE needs an id.", RawStomp.CLOSED_AS_REFUSED);
        }
    }

    private void awaitSubscriptions(UUID user, int count) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            SimpUser connected = users.getUser(user.toString());
            assertThat(connected).isNotNull();
            assertThat(connected.getSessions())
                    .singleElement()
                    .satisfies(session -> assertThat(session.getSubscriptions()).hasSize(count));
        });
    }

    private static String subscribe(String id) {
        return "SUBSCRIBE\nid:" + id + "\ndestination:" + NOTIFICATIONS + "\n\n\u0000";
    }
}
