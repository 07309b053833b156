package dev.studybuddy.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

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
 * {@code covers} answers as axon-mongo's for every pair of tokens, of this class or axon-mongo's own, including
 * windows axon-mongo's own code would not make (times later than the token's, empty windows, unordered maps), and the
 * token store reads a token back in this class, inside a replay token too.
 */
class FastCoveringMongoTrackingTokenTest {

    private static final JacksonSerializer JSON = JacksonSerializer.defaultSerializer();

    @Test
    void coversAnswersAsAxonMongoForRandomPairs() {
        Random random = new Random(12);
        int covered = 0;
        int notCovered = 0;
        for (int pair = 0; pair < 200_000; pair++) {
            MongoTrackingToken a = randomToken(random);
            MongoTrackingToken b = randomToken(random);
            boolean axon = a.covers(b);
            String what = "pair " + pair + ": " + a + " covers " + b;
            assertThat(fast(a).covers(fast(b))).as(what).isEqualTo(axon);
            assertThat(fast(a).covers(b)).as(what).isEqualTo(axon);
            assertThat(a.covers(fast(b))).as(what).isEqualTo(axon);
            if (axon) {
                covered++;
            } else {
                notCovered++;
            }
        }
        assertThat(covered).as("pairs covered").isGreaterThan(20_000);
        assertThat(notCovered).as("pairs not covered").isGreaterThan(20_000);
    }

    @Test
    void aTokenStoredAloneOrInAReplayTokenIsReadBackInThisClass() {
        Map<String, Long> window = new LinkedHashMap<>();
        window.put("a", 1_000L);
        window.put("b", 1_005L);
        FastCoveringMongoTrackingToken token =
                FastCoveringMongoTrackingToken.restored(Instant.ofEpochMilli(1_005), window);

        SerializedObject<byte[]> alone = JSON.serialize(token, byte[].class);
        TrackingToken readBack = JSON.deserialize(alone);
        assertThat(readBack).isEqualTo(token).hasSameClassAs(token);
        assertThat(new String(alone.getData()))
                .isEqualTo(new String(JSON.serialize(plain(token), byte[].class).getData()));

        TrackingToken replay = ReplayToken.createReplayToken(token);
        TrackingToken replayReadBack = JSON.deserialize(JSON.serialize(replay, byte[].class));
        assertThat(replayReadBack).isEqualTo(replay);
        assertThat(((ReplayToken) replayReadBack).getTokenAtReset()).hasSameClassAs(token);
    }

    private static FastCoveringMongoTrackingToken fast(MongoTrackingToken token) {
        return FastCoveringMongoTrackingToken.restored(token.getTimestamp(), token.getTrackedEvents());
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
