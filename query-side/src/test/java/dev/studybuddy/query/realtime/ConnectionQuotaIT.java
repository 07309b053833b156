package dev.studybuddy.query.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studybuddy.query.support.QuerySideIT;
import dev.studybuddy.query.support.RawStomp;
import dev.studybuddy.testing.TestTokenIssuer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A user holds at most {@code studybuddy.websocket.max-sessions-per-user} STOMP sessions on a node, over real
 * WebSockets: one more CONNECT is refused, a DISCONNECT makes room again, and another user connects meanwhile.
 */
@QuerySideIT
class ConnectionQuotaIT {

    @LocalServerPort
    int port;

    @Autowired
    RealtimeProperties properties;

    @Test
    void aConnectionBeyondTheLimitIsRefusedAndAClosedOneMakesRoom() throws Exception {
        UUID user = UUID.randomUUID();
        List<RawStomp> open = new ArrayList<>();
        try {
            for (int i = 0; i < properties.maxSessionsPerUser(); i++) {
                open.add(RawStomp.connected(port, user));
            }

            try (RawStomp refused = connect(user)) {
                assertThat(refused.refusal())
                        .isIn(
                                "ERROR: A user holds at most " + properties.maxSessionsPerUser()
                                        + " connections here at once; DISCONNECT one first.",
                                RawStomp.CLOSED_AS_REFUSED);
            }
            RawStomp.connected(port, UUID.randomUUID()).close();

            open.remove(0).close();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                try (RawStomp again = connect(user)) {
                    return again.next().startsWith("CONNECTED");
                }
            });
        } finally {
            for (RawStomp stomp : open) {
                stomp.close();
            }
        }
    }

    private RawStomp connect(UUID user) throws Exception {
        RawStomp stomp = RawStomp.open(port);
        String token = TestTokenIssuer.get().accessToken(user, 0, Duration.ofMinutes(5), "USER");
        stomp.send("CONNECT\naccept-version:1.2\nhost:localhost\nAuthorization:Bearer " + token + "\n\n\u0000");
        return stomp;
    }
}
