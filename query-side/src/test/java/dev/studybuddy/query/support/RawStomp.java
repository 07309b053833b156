package dev.studybuddy.query.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studybuddy.testing.TestTokenIssuer;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * A WebSocket to {@code /ws} that sends the test's own bytes as frames, for what {@link StompClients} cannot send: an
 * unreadable frame, a SUBSCRIBE without an id, chosen subscription ids. What comes back is each frame's text, and
 * {@code "CLOSED <code>"} when the connection closes.
 */
public record RawStomp(WebSocketSession session, BlockingQueue<String> events) implements AutoCloseable {

    /** What a refusal may end as without an ERROR frame (see {@link #refusal()}). */
    public static final String CLOSED_AS_REFUSED = "CLOSED " + CloseStatus.PROTOCOL_ERROR.getCode();

    public static RawStomp open(int port) throws Exception {
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
        return new RawStomp(session, events);
    }

    /** Open, and CONNECTed as {@code user} with a token of the test issuer's. */
    public static RawStomp connected(int port, UUID user) throws Exception {
        RawStomp stomp = open(port);
        String token = TestTokenIssuer.get().accessToken(user, 0, Duration.ofMinutes(5), "USER");
        stomp.send("CONNECT\naccept-version:1.2\nhost:localhost\nAuthorization:Bearer " + token + "\n\n\u0000");
        assertThat(stomp.next()).startsWith("CONNECTED");
        return stomp;
    }

    public void send(String frame) throws Exception {
        session.sendMessage(new TextMessage(frame));
    }

    /**
     * The ERROR frame's message as {@code "ERROR: <message>"}, or how the connection closed without one: Spring closes
     * the connection right after writing an ERROR frame, and this client does not always read the frame first (as
     * {@link StompClients.Client#awaitRefusal()}).
     */
    public String refusal() throws InterruptedException {
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

    /** The next frame's text or the close, within 20 s. */
    public String next() throws InterruptedException {
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
