package dev.studybuddy.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoTrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/**
 * The tokens made with a shared window are the tokens {@code MongoTrackingToken.advanceTo} makes: over random
 * histories (events out of order, late, at the same millisecond, ids seen again after they left the window; from
 * no token, or from tokens whose windows are ordered and unordered maps) each has axon-mongo's timestamp and window,
 * in the same order, and bounds, advances and serializes as it does (with its look-back added); it covers by
 * docs/adr/0023's rule ({@link CoveredByFetch}).
 */
class SharedLookBackWindowTest {

    private static final Duration LOOK_BACK = Duration.ofMillis(50);
    private static final JacksonSerializer JSON = JacksonSerializer.defaultSerializer();

    private record Event(Instant timestamp, String id) {}

    @Test
    void randomHistoriesGiveAxonMongosOwnTokens() {
        for (long seed = 1; seed <= 300; seed++) {
            Random random = new Random(seed);
            MongoTrackingToken start = startingToken(random);
            List<Event> history = history(random, 40 + random.nextInt(200));

            List<MongoTrackingToken> axon = axonMongosTokens(start, history);
            List<MongoTrackingToken> shared = sharedWindowTokens(start, history);

            assertThat(shared).as("seed %d", seed).hasSameSizeAs(axon);
            for (int i = 0; i < axon.size(); i++) {
                assertSame(shared.get(i), axon.get(i), "seed " + seed + ", token " + i);
            }
            assertTheyRelateAlike(random, axon, shared, "seed " + seed);
        }
    }

    @Test
    void anEventTheTokenHoldsIsRefusedAsAxonMongoRefusesIt() {
        SharedLookBackWindow window = new SharedLookBackWindow(null, LOOK_BACK);
        Instant now = Instant.parse("2026-12-04T04:00:00Z");
        window.advanceTo(now, "a");

        assertThat(window.knows("a")).isTrue();
        assertThatThrownBy(() -> window.advanceTo(now.plusMillis(1), "a"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[a]");
    }

    @Test
    void aTokenSerializedByJavaCarriesItsWindowOnly() throws Exception {
        SharedLookBackWindow window = new SharedLookBackWindow(null, LOOK_BACK);
        Instant now = Instant.parse("2026-12-04T04:00:00Z");
        MongoTrackingToken token = null;
        for (int i = 0; i < 1_000; i++) {
            token = window.advanceTo(now.plusMillis(i), "event-" + i);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(token);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            Object readBack = in.readObject();
            assertThat(readBack).isEqualTo(token).hasSameClassAs(token);
            assertThat(((MongoTrackingToken) readBack).covers(token)).isTrue();
        }
        assertThat(token.getTrackedEvents()).hasSize(51);
        assertThat(bytes.size()).isLessThan(20_000); // 51 entries, not the 1,000 appended
    }

    private static void assertSame(MongoTrackingToken shared, MongoTrackingToken axon, String what) {
        assertThat(plain(shared)).as(what).isEqualTo(axon);
        assertThat(axon).as(what).isEqualTo(plain(shared));
        assertThat(shared.hashCode()).as(what).isEqualTo(axon.hashCode());
        assertThat(shared.getTimestamp()).as(what).isEqualTo(axon.getTimestamp());
        assertThat(List.copyOf(shared.getTrackedEvents().entrySet()))
                .as(what + ": the window's order")
                .isEqualTo(List.copyOf(axon.getTrackedEvents().entrySet()));
        assertThat(List.copyOf(shared.getKnownEventIds())).as(what).isEqualTo(List.copyOf(axon.getKnownEventIds()));
        axon.getTrackedEvents().forEach((id, time) -> {
            assertThat(shared.getTrackedEvents().containsKey(id)).as(what).isTrue();
            assertThat(shared.getTrackedEvents().get(id)).as(what).isEqualTo(time);
        });
        assertThat(shared.getTrackedEvents().containsKey("never-seen")).isFalse();
        assertThat(shared.getTrackedEvents().get("never-seen")).isNull();
        SerializedObject<String> json = JSON.serialize(shared, String.class);
        ObjectNode fields = (ObjectNode) tree(json.getData());
        ObjectNode axonFields =
                (ObjectNode) tree(JSON.serialize(axon, String.class).getData());
        if (shared instanceof FastCoveringMongoTrackingToken) {
            assertThat(fields.remove("lookBackMillis").asLong()).as(what).isEqualTo(LOOK_BACK.toMillis());
            Map<String, Long> stored = CompactWindow.decode(
                    shared.getTimestamp().toEpochMilli(),
                    Base64.getDecoder().decode(fields.remove("window").asText()));
            assertThat(List.copyOf(stored.entrySet()))
                    .as(what + ": the window as stored, in its order")
                    .isEqualTo(List.copyOf(axon.getTrackedEvents().entrySet()));
            axonFields.remove("trackedEvents");
        }
        assertThat(fields).as(what + ": axon-mongo's other fields").isEqualTo(axonFields);
        MongoTrackingToken readBack = JSON.deserialize(json);
        assertThat(readBack).as(what).isEqualTo(shared).hasSameClassAs(shared);
        assertThat(plain(readBack)).as(what).isEqualTo(axon);
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.getObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same timestamp and window in axon-mongo's own class, which its {@code equals} requires. */
    private static MongoTrackingToken plain(MongoTrackingToken token) {
        return MongoTrackingToken.of(token.getTimestamp(), new LinkedHashMap<>(token.getTrackedEvents()));
    }

    private static void assertTheyRelateAlike(
            Random random, List<MongoTrackingToken> axon, List<MongoTrackingToken> shared, String what) {
        Instant later = Instant.parse("2030-01-01T00:00:00Z");
        for (int pair = 0; pair < 200 && !axon.isEmpty(); pair++) {
            int i = random.nextInt(axon.size());
            int j = random.nextInt(axon.size());
            MongoTrackingToken a = axon.get(i);
            MongoTrackingToken b = axon.get(j);
            MongoTrackingToken sharedA = shared.get(i);
            MongoTrackingToken sharedB = shared.get(j);
            String tokens = what + ", tokens " + i + " and " + j;
            boolean byFetch = CoveredByFetch.covers(a, b, LOOK_BACK);
            assertThat(sharedA.covers(sharedB)).as(tokens).isEqualTo(byFetch);
            assertThat(sharedA.covers(b)).as(tokens).isEqualTo(byFetch);
            assertThat(a.covers(sharedB)).as(tokens + ", axon-mongo's token").isEqualTo(a.covers(b));
            assertThat(sharedA.upperBound(sharedB)).as(tokens).isEqualTo(a.upperBound(b));
            assertThat(sharedA.lowerBound(sharedB)).as(tokens).isEqualTo(a.lowerBound(b));
            String next = "next-" + pair;
            Instant at = random.nextBoolean() ? later : a.getTimestamp().plusMillis(random.nextInt(5));
            MongoTrackingToken advanced = a.advanceTo(at, next, LOOK_BACK);
            assertSame(sharedA.advanceTo(at, next, LOOK_BACK), advanced, tokens + ", advanced");
        }
    }

    private static List<MongoTrackingToken> axonMongosTokens(MongoTrackingToken start, List<Event> history) {
        List<MongoTrackingToken> tokens = new ArrayList<>();
        MongoTrackingToken token = start;
        for (Event event : history) {
            if (token != null && token.getKnownEventIds().contains(event.id())) {
                continue; // what the storage strategy filters out
            }
            token = token == null
                    ? MongoTrackingToken.of(event.timestamp(), event.id())
                    : token.advanceTo(event.timestamp(), event.id(), LOOK_BACK);
            tokens.add(token);
        }
        return tokens;
    }

    private static List<MongoTrackingToken> sharedWindowTokens(MongoTrackingToken start, List<Event> history) {
        List<MongoTrackingToken> tokens = new ArrayList<>();
        SharedLookBackWindow window = new SharedLookBackWindow(start, LOOK_BACK);
        for (Event event : history) {
            if (!window.knows(event.id())) {
                tokens.add(window.advanceTo(event.timestamp(), event.id()));
            }
        }
        return tokens;
    }

    /** Mostly in order a millisecond or two apart, some at the same time, some late, some much later; ids reused. */
    private static List<Event> history(Random random, int size) {
        List<Event> events = new ArrayList<>();
        long time = 1_000_000;
        for (int i = 0; i < size; i++) {
            int kind = random.nextInt(20);
            long at;
            if (kind == 0) {
                at = time - random.nextInt((int) LOOK_BACK.toMillis() * 2); // late, maybe beyond the window
            } else if (kind == 1) {
                time += LOOK_BACK.toMillis() * (1 + random.nextInt(3)); // a pause longer than the window
                at = time;
            } else {
                time += random.nextInt(3);
                at = time;
            }
            String id = random.nextInt(15) == 0 && i > 0 ? "event-" + random.nextInt(i) : "event-" + i;
            events.add(new Event(Instant.ofEpochMilli(at), id));
        }
        return events;
    }

    /** No token, or one left by an earlier fetch (its window ordered), or by a bound of two (a hash map's order). */
    private static MongoTrackingToken startingToken(Random random) {
        int kind = random.nextInt(3);
        if (kind == 0) {
            return null;
        }
        Map<String, Long> window = kind == 1 ? new LinkedHashMap<>() : new HashMap<>();
        long time = 1_000_000 - random.nextInt(40);
        int size = random.nextInt(30);
        for (int i = 0; i < size; i++) {
            window.put("earlier-" + i, time - random.nextInt(45));
        }
        return MongoTrackingToken.of(Instant.ofEpochMilli(time), window);
    }
}
