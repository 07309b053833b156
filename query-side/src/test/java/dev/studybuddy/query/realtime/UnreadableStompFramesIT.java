package dev.studybuddy.query.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studybuddy.query.support.QuerySideIT;
import dev.studybuddy.query.support.RawStomp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

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
        try (RawStomp stomp = RawStomp.open(port)) {
            stomp.send(frame);
            String error = stomp.next();
            assertThat(error).as("an ERROR frame").startsWith("ERROR");
            return error;
        }
    }
}
