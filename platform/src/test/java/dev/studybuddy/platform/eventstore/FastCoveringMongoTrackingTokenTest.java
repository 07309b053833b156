package dev.studybuddy.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoTrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/**
 * {@code covers} answers by docs/adr/0023's rule ({@link CoveredByFetch}) for every pair of tokens, of this class or
 * axon-mongo's own, including windows axon-mongo's own code would not make (times later than the token's, empty
 * windows, unordered maps); a token that does not know its look-back answers as axon-mongo's; the rule keeps an event
 * stored just after a later-stamped one, which axon-mongo's took for covered; and the token store reads a token back
 * in this class with its look-back, inside a replay token too.
 */
class FastCoveringMongoTrackingTokenTest {

    private static final JacksonSerializer JSON = JacksonSerializer.defaultSerializer();
    private static final Duration LOOK_BACK = Duration.ofMillis(5);

    @Test
    void coversAnswersByTheFetchRuleForRandomPairs() {
        Random random = new Random(12);
        int covered = 0;
        int notCovered = 0;
        int unlikeAxonMongo = 0;
        for (int pair = 0; pair < 200_000; pair++) {
            MongoTrackingToken a = randomToken(random);
            MongoTrackingToken b = randomToken(random);
            boolean expected = CoveredByFetch.covers(a, b, LOOK_BACK);
            String what = "pair " + pair + ": " + a + " covers " + b;
            assertThat(fast(a).covers(fast(b))).as(what).isEqualTo(expected);
            assertThat(fast(a).covers(b)).as(what).isEqualTo(expected);
            assertThat(a.covers(fast(b))).as(what + " (axon-mongo's token)").isEqualTo(a.covers(b));
            assertThat(withoutLookBack(a).covers(fast(b)))
                    .as(what + " (look-back not known)")
                    .isEqualTo(a.covers(b));
            if (expected) {
                covered++;
            } else {
                notCovered++;
            }
            if (expected != a.covers(b)) {
                unlikeAxonMongo++;
            }
        }
        assertThat(covered).as("pairs covered").isGreaterThan(20_000);
        assertThat(notCovered).as("pairs not covered").isGreaterThan(20_000);
        assertThat(unlikeAxonMongo).as("pairs axon-mongo answers otherwise").isGreaterThan(1_000);
    }

    /**
     * The lost delivery of the growth benchmark: after a quiet second a token's window holds only the newest events,
     * and an event stamped before them but stored after them is read by the next fetch (it is within the look-back),
     * so the token of the event before it must not cover it, or the processor's work package drops it unhandled.
     */
    @Test
    void anEventStoredJustAfterALaterStampedOneIsNotCoveredAfterAQuietSecond() {
        Duration lookBack = Duration.ofSeconds(1);
        SharedLookBackWindow firstFetch = new SharedLookBackWindow(null, lookBack);
        firstFetch.advanceTo(Instant.ofEpochMilli(5_000), "long-before");
        MongoTrackingToken afterLater = firstFetch.advanceTo(Instant.ofEpochMilli(10_000), "stamped-later");
        assertThat(afterLater.getKnownEventIds()).containsExactly("stamped-later");

        MongoTrackingToken afterEarlier = new SharedLookBackWindow(afterLater, lookBack)
                .advanceTo(Instant.ofEpochMilli(9_990), "stamped-earlier-stored-later");
        assertThat(afterLater.covers(afterEarlier)).isFalse();
        assertThat(plain(afterLater).covers(plain(afterEarlier)))
                .as("axon-mongo's covers, which dropped it")
                .isTrue();

        MongoTrackingToken beyondLookBack = new SharedLookBackWindow(afterLater, lookBack)
                .advanceTo(Instant.ofEpochMilli(8_999), "stored-later-than-the-look-back");
        assertThat(afterLater.covers(beyondLookBack))
                .as("older than the fetch looks back: never read again, so covered (a late append, reported as such)")
                .isTrue();
        assertThat(afterEarlier.covers(afterLater)).isTrue();
    }

    @Test
    void aTokenStoredAloneOrInAReplayTokenIsReadBackInThisClassWithItsLookBack() {
        Map<String, Long> window = new LinkedHashMap<>();
        window.put("a", 1_000L);
        window.put("b", 1_005L);
        FastCoveringMongoTrackingToken token =
                FastCoveringMongoTrackingToken.restored(Instant.ofEpochMilli(1_005), window, 1_000L);

        SerializedObject<byte[]> alone = JSON.serialize(token, byte[].class);
        TrackingToken readBack = JSON.deserialize(alone);
        assertThat(readBack).isEqualTo(token).hasSameClassAs(token);
        assertThat(((FastCoveringMongoTrackingToken) readBack).getLookBackMillis())
                .isEqualTo(1_000L);
        assertThat(new String(alone.getData()))
                .contains("\"lookBackMillis\":1000")
                .contains("\"window\":")
                .as("the window only in its compact form")
                .doesNotContain("trackedEvents");

        TrackingToken replay = ReplayToken.createReplayToken(token);
        TrackingToken replayReadBack = JSON.deserialize(JSON.serialize(replay, byte[].class));
        assertThat(replayReadBack).isEqualTo(replay);
        assertThat(((ReplayToken) replayReadBack).getTokenAtReset()).hasSameClassAs(token);
    }

    @Test
    void aTokenStoredBeforeItKnewItsLookBackIsReadBackWithoutOne() throws Exception {
        MongoTrackingToken stored = MongoTrackingToken.of(Instant.ofEpochMilli(1_005), Map.of("a", 1_000L));
        String json = new String(JSON.serialize(stored, byte[].class).getData());
        FastCoveringMongoTrackingToken readBack =
                JSON.getObjectMapper().readValue(json, FastCoveringMongoTrackingToken.class);
        assertThat(json).doesNotContain("lookBackMillis");
        assertThat(readBack.getLookBackMillis()).isNull();
        assertThat(plain(readBack)).isEqualTo(stored);
    }

    private static FastCoveringMongoTrackingToken fast(MongoTrackingToken token) {
        return FastCoveringMongoTrackingToken.restored(
                token.getTimestamp(), token.getTrackedEvents(), LOOK_BACK.toMillis());
    }

    private static FastCoveringMongoTrackingToken withoutLookBack(MongoTrackingToken token) {
        return FastCoveringMongoTrackingToken.restored(token.getTimestamp(), token.getTrackedEvents(), null);
    }

    private static MongoTrackingToken plain(MongoTrackingToken token) {
        return MongoTrackingToken.of(token.getTimestamp(), new LinkedHashMap<>(token.getTrackedEvents()));
    }

    /** A few ids and times close together, so that pairs share ids and both answers are common. */
    private static MongoTrackingToken randomToken(Random random) {
        long timestamp = 100 + random.nextInt(12);
        Map<String, Long> window = random.nextBoolean() ? new LinkedHashMap<>() : new HashMap<>();
        int size = random.nextInt(5) == 0 ? 0 : random.nextInt(6);
        for (int i = 0; i < size; i++) {
            // now and then a time after the token's own, which axon-mongo's tokens do not have
            long time = random.nextInt(10) == 0 ? timestamp + 1 + random.nextInt(3) : timestamp - random.nextInt(12);
            window.put("event-" + random.nextInt(8), time);
        }
        return MongoTrackingToken.of(Instant.ofEpochMilli(timestamp), window);
    }
}
