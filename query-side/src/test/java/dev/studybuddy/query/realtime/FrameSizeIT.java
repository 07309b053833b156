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
import org.springframework.web.socket.CloseStatus;

/**
 * A client's frame may be as large as {@code studybuddy.websocket.message-size-limit} (16 KB), over a real WebSocket;
 * a larger one ends the connection as too big (1009), before STOMP reads it.
 */
@QuerySideIT
class FrameSizeIT {

    @LocalServerPort
    int port;

    @Autowired
    RealtimeProperties properties;

    @Autowired
    SimpUserRegistry users;

    @Test
    void aFrameUpToTheLimitIsTakenInAndALargerOneEndsTheConnection() throws Exception {
        int limit = (int) properties.messageSizeLimit().toBytes();
        UUID user = UUID.randomUUID();
        try (RawStomp stomp = RawStomp.connected(port, user)) {
            stomp.send(activity(limit * 3 / 4));
            stomp.send("SUBSCRIBE\nid:after-the-large-frame\ndestination:/user/queue/notifications\n\n\u0000");
            await().atMost(Duration.ofSeconds(10)).until(() -> subscriptionsOf(user) == 1);

            stomp.send(activity(limit + 1024));

            assertThat(stomp.next()).isEqualTo("CLOSED " + CloseStatus.TOO_BIG_TO_PROCESS.getCode());
        }
    }

    /** An activity signal (which nothing handles) padded with a body to about {@code size} bytes. */
    private static String activity(int size) {
        String head = "SEND\ndestination:" + StompAuthorization.ACTIVITY + "\ncontent-type:text/plain\n\n";
        return head + "x".repeat(size - head.length() - 1) + "\u0000";
    }

    private int subscriptionsOf(UUID user) {
        SimpUser simpUser = users.getUser(user.toString());
        return simpUser == null
                ? 0
                : simpUser.getSessions().stream()
                        .mapToInt(session -> session.getSubscriptions().size())
                        .sum();
    }
}
