package dev.studybuddy.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/**
 * A window read back from its compact form is the window written, in its order, whatever its ids (Axon's UUIDs, UUIDs
 * not in the canonical form, any text) and times (before and after the token's own); and it is under half the size
 * of the JSON object it replaces.
 */
class CompactWindowTest {

    @Test
    void randomWindowsReadBackAsWrittenInTheirOrder() {
        Random random = new Random(7);
        for (int round = 0; round < 5_000; round++) {
            long timestamp = random.nextLong() >>> 20;
            Map<String, Long> window = new LinkedHashMap<>();
            int size = random.nextInt(8) == 0 ? 0 : random.nextInt(40);
            for (int i = 0; i < size; i++) {
                window.put(randomId(random), timestamp + randomDistance(random));
            }
            byte[] encoded = CompactWindow.encode(timestamp, window);

            Map<String, Long> decoded = CompactWindow.decode(timestamp, encoded);

            assertThat(List.copyOf(decoded.entrySet()))
                    .as("round %d: %s", round, window)
                    .isEqualTo(List.copyOf(window.entrySet()));
        }
    }

    @Test
    void aSecondOfEventsTakesUnderHalfTheSpaceOfTheJsonObject() throws Exception {
        long timestamp = 1_796_507_350_195L;
        Map<String, Long> window = new LinkedHashMap<>();
        for (int i = 0; i < 200; i++) {
            window.put(UUID.randomUUID().toString(), timestamp - 1_000 + i * 5L);
        }
        ObjectMapper mapper = JacksonSerializer.defaultSerializer().getObjectMapper();
        int json = mapper.writeValueAsString(window).length();

        int compact = mapper.writeValueAsString(CompactWindow.encode(timestamp, window))
                .length();

        assertThat(compact).as("compact %d against JSON %d", compact, json).isLessThan(json / 2);
    }

    @Test
    void anUnknownVersionIsRefused() {
        assertThatThrownBy(() -> CompactWindow.decode(0, new byte[] {2})).isInstanceOf(IllegalArgumentException.class);
    }

    private static String randomId(Random random) {
        UUID uuid = new UUID(random.nextLong(), random.nextLong());
        return switch (random.nextInt(6)) {
            case 0 -> uuid.toString().toUpperCase();
            case 1 -> "event-" + random.nextInt(1000) + "-é✓";
            case 2 -> uuid.toString().replace("-", "");
            case 3 -> uuid.toString().substring(0, 35) + "g";
            default -> uuid.toString();
        };
    }

    private static long randomDistance(Random random) {
        List<Long> distances = new ArrayList<>(List.of(
                0L,
                -1L,
                1L,
                -(long) random.nextInt(2_000),
                (long) random.nextInt(50),
                Long.MAX_VALUE / 4,
                -(1L << 40)));
        return distances.get(random.nextInt(distances.size()));
    }
}
