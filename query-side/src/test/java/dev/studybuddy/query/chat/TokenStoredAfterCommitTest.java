package dev.studybuddy.query.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studybuddy.testing.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

/** When chat's token reaches the store, and when its claim is checked on the way. */
class TokenStoredAfterCommitTest {

    private static final String CHAT = "chat";

    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-07T21:00:00Z"));
    private final List<String> calls = new ArrayList<>();
    private final InMemoryTokenStore store = new InMemoryTokenStore() {
        @Override
        public void storeToken(org.axonframework.eventhandling.TrackingToken token, String processorName, int segment) {
            calls.add("store " + token.position().orElseThrow());
            super.storeToken(token, processorName, segment);
        }

        @Override
        public void extendClaim(String processorName, int segment) {
            calls.add("extend");
            super.extendClaim(processorName, segment);
        }
    };
    private final TokenStoredAfterCommit tokens = new TokenStoredAfterCommit(store, Duration.ofSeconds(2), clock);

    @Test
    void aBatchsTokenReachesTheStoreOnlyOnceTheBatchHasCommitted() {
        tokens.initializeTokenSegments(CHAT, 1);
        tokens.fetchToken(CHAT, 0);

        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        tokens.storeToken(new GlobalSequenceTrackingToken(7), CHAT, 0);
        assertThat(calls).as("before the commit").isEmpty();
        batch.commit();

        assertThat(calls).containsExactly("store 7");
    }

    @Test
    void aBatchThatRolledBackStoresNothing() {
        tokens.initializeTokenSegments(CHAT, 1);
        tokens.fetchToken(CHAT, 0);

        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        tokens.storeToken(new GlobalSequenceTrackingToken(7), CHAT, 0);
        batch.rollback();

        assertThat(calls).isEmpty();
    }

    @Test
    void theClaimIsCheckedBeforeACommitOnceTheStoreHasNotConfirmedItForExtendAfter() {
        tokens.initializeTokenSegments(CHAT, 1);
        tokens.fetchToken(CHAT, 0);

        clock.advance(Duration.ofMillis(1900));
        DefaultUnitOfWork.startAndGet(null)
                .execute(() -> tokens.storeToken(new GlobalSequenceTrackingToken(1), CHAT, 0));
        assertThat(calls).as("confirmed by the fetch 1.9 s ago").containsExactly("store 1");

        clock.advance(Duration.ofMillis(1900));
        DefaultUnitOfWork.startAndGet(null)
                .execute(() -> tokens.storeToken(new GlobalSequenceTrackingToken(2), CHAT, 0));
        assertThat(calls).as("confirmed by the last store").containsExactly("store 1", "store 2");

        clock.advance(Duration.ofSeconds(2));
        DefaultUnitOfWork.startAndGet(null)
                .execute(() -> tokens.storeToken(new GlobalSequenceTrackingToken(3), CHAT, 0));
        assertThat(calls).containsExactly("store 1", "store 2", "extend", "store 3");
    }
}
