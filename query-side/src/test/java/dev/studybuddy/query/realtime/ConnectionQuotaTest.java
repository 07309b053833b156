package dev.studybuddy.query.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/** The per-user count of STOMP sessions stays true when a session's close is handled before or beside its CONNECT. */
class ConnectionQuotaTest {

    private static final int MAX = 3;

    private final ConnectionQuota quota = new ConnectionQuota();
    private final UUID user = UUID.randomUUID();

    @Test
    void aSessionClosedBeforeItsConnectIsAdmittedIsNotCounted() {
        quota.closed(closeOf("overtaken"));

        assertThat(quota.admit(user, "overtaken", MAX)).isFalse();
        assertThat(admitted("a", "b", "c", "d")).containsExactly(true, true, true, false);
    }

    @Test
    void aClosedSessionMakesRoomAndAnAdmittedOneIsAdmittedAgain() {
        assertThat(admitted("a", "b", "c", "d")).containsExactly(true, true, true, false);
        assertThat(quota.admit(user, "a", MAX)).as("one it holds already").isTrue();

        quota.closed(closeOf("b"));

        assertThat(admitted("d", "e")).containsExactly(true, false);
    }

    @Test
    void closesHandledBesideTheirConnectsLeaveNothingCounted() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                int offset = thread;
                work.add(threads.submit(() -> {
                    for (int i = 0; i < 20_000; i++) {
                        String session = offset + "-" + i;
                        if (i % 2 == 0) {
                            quota.admit(user, session, MAX);
                            quota.closed(closeOf(session));
                        } else {
                            quota.closed(closeOf(session));
                            quota.admit(user, session, MAX);
                        }
                    }
                }));
            }
            for (Future<?> done : work) {
                done.get();
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(admitted("x", "y", "z")).containsExactly(true, true, true);
    }

    private List<Boolean> admitted(String... sessions) {
        List<Boolean> answers = new ArrayList<>();
        for (String session : sessions) {
            answers.add(quota.admit(user, session, MAX));
        }
        return answers;
    }

    private static SessionDisconnectEvent closeOf(String session) {
        return new SessionDisconnectEvent(
                ConnectionQuotaTest.class,
                MessageBuilder.withPayload(new byte[0]).build(),
                session,
                CloseStatus.NORMAL);
    }
}
