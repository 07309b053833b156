package dev.studybuddy.query.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studybuddy.query.support.QuerySideIT;
import dev.studybuddy.testing.TestTokenIssuer;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.messaging.simp.user.SimpUser;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * A connection holds at most {@code studybuddy.websocket.max-subscriptions} subscriptions at once, over a real
 * WebSocket in raw STOMP frames (so that each SUBSCRIBE's id is the test's own), counted by the node's own
 * {@link SimpUserRegistry}: one more is refused, an UNSUBSCRIBE makes room again, a SUBSCRIBE without an id is
 * refused. A refusal is an ERROR frame and the close, or the close alone: Spring closes the connection right after
 * writing the frame, and the client does not always read it first (as {@code StompClients.Client.awaitRefusal}).
 */
@QuerySideIT
class SubscriptionQuotaIT {

    private static final String NOTIFICATIONS = "/user/queue/notifications";
    private static final String CLOSED_AS_REFUSED = "CLOSED " + CloseStatus.PROTOCOL_ERROR.getCode();

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
                            CLOSED_AS_REFUSED);
        }
    }

    @Test
    void aSubscribeWithoutAnIdIsRefused() throws Exception {
        try (RawStomp stomp = RawStomp.connected(port, UUID.randomUUID())) {
            stomp.send("SUBSCRIBE\ndestination:" + NOTIFICATIONS + "\n\n\u0000");

            assertThat(stomp.refusal()).isIn("ERROR: SUBSCRIBE needs an id.", CLOSED_AS_REFUSED);
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

    private record RawStomp(WebSocketSession session, BlockingQueue<String> events) implements AutoCloseable {

        static RawStomp connected(int port, UUID user) throws Exception {
            BlockingQueue<String> events = new LinkedBlockingQueue<>();
            WebSocketSession session = new StandardWebSocketClient()
                    .execute(
                            new TextWebSocketHandler() {
                                @Override
                                protected void handleTextMessage(WebSocketSession session, TextMessage message) {
                                    events.add(message.getPayload());
                                }

                                @Override
                                public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
                                    events.add("CLOSED " + status.getCode());
                                }
                            },
                            "ws://127.0.0.1:" + port + "/ws")
                    .get(10, TimeUnit.SECONDS);
            RawStomp stomp = new RawStomp(session, events);
            String token = TestTokenIssuer.get().accessToken(user, 0, Duration.ofMinutes(5), "USER");
            stomp.send("CONNECT\naccept-version:1.2\nhost:localhost\nAuthorization:Bearer " + token + "\n\n\u0000");
            assertThat(stomp.next()).startsWith("CONNECTED");
            return stomp;
        }

        void send(String frame) throws Exception {
            session.sendMessage(new TextMessage(frame));
        }

        /** The ERROR frame's message as {@code "ERROR: <message>"}, or how the connection closed without one. */
        String refusal() throws InterruptedException {
            String event = next();
            if (!event.startsWith("ERROR")) {
                return event;
            }
            return event.lines()
                    .filter(line -> line.startsWith("message:"))
                    .map(line -> "ERROR: " + line.substring("message:".length()))
                    .findFirst()
                    .orElse(event);
        }

        private String next() throws InterruptedException {
            String event = events.poll(20, TimeUnit.SECONDS);
            assertThat(event).as("a frame or the close").isNotNull();
            return event;
        }

        @Override
        public void close() throws Exception {
            if (session.isOpen()) {
                session.close();
            }
        }
    }
}
