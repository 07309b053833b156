package dev.studybuddy.query.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studybuddy.query.support.QuerySideIT;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/** Bytes that are not STOMP, sent over a real WebSocket: an ERROR frame in our words, then the session ends. */
@QuerySideIT
class UnreadableStompFramesIT {

    @LocalServerPort
    int port;

    @Test
    void aFrameWithAnUnknownCommandIsToldItIsNotStompWithoutSpringsClassNames() throws Exception {
        assertThat(errorFor("HELLO\n\n\u0000"))
                .startsWith("ERROR")
                .contains("message:" + StompFrameErrors.UNREADABLE)
                .doesNotContain("org.springframework")
                .doesNotContain("HELLO");
    }

    @Test
    void aHeaderWithAnIllegalEscapeIsToldTheSame() throws Exception {
        assertThat(errorFor("SUBSCRIBE\nid:a\\qb\ndestination:/topic/groups.x\n\n\u0000"))
                .startsWith("ERROR")
                .contains("message:" + StompFrameErrors.UNREADABLE);
    }

    private String errorFor(String frame) throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        WebSocketSession session = new StandardWebSocketClient()
                .execute(
                        new TextWebSocketHandler() {
                            @Override
                            protected void handleTextMessage(WebSocketSession session, TextMessage message) {
                                received.add(message.getPayload());
                            }
                        },
                        "ws://127.0.0.1:" + port + "/ws")
                .get(10, TimeUnit.SECONDS);
        try {
            session.sendMessage(new TextMessage(frame));
            String error = received.poll(10, TimeUnit.SECONDS);
            assertThat(error).as("an ERROR frame").isNotNull();
            return error;
        } finally {
            if (session.isOpen()) {
                session.close();
            }
        }
    }
}
