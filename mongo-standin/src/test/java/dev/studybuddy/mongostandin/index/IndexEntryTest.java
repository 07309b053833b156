package dev.studybuddy.mongostandin.index;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.ValueComparator;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The direct comparisons of common key types order exactly as mongo-java-server's comparator does. */
class IndexEntryTest {

    private final Random random = new Random(20261203);

    @Test
    void directComparisonsAgreeWithValueComparator() {
        List<Supplier<Object>> kinds = List.of(
                this::text,
                () -> random.nextLong() >> random.nextInt(64),
                () -> random.nextInt() >> random.nextInt(32),
                () -> Instant.ofEpochMilli(random.nextLong() >> 20),
                () -> random.nextDouble() * 1000,
                () -> (double) (random.nextInt(5) - 2),
                () -> random.nextBoolean() ? -0.0 : Double.NaN,
                () -> null);
        for (int i = 0; i < 100_000; i++) {
            Object a = kinds.get(random.nextInt(kinds.size())).get();
            Object b = random.nextInt(4) == 0
                    ? a
                    : kinds.get(random.nextInt(kinds.size())).get();
            assertThat(Integer.signum(IndexEntry.compareValues(a, b)))
                    .as("%s vs %s", a, b)
                    .isEqualTo(Integer.signum(ValueComparator.asc().compare(a, b)));
        }
    }

    @Test
    void sentinelsKeepTheirPlacesAroundEveryValue() {
        for (Object value : List.of("a", 1L, 1, Instant.EPOCH)) {
            assertThat(IndexEntry.compareValues(IndexEntry.LOWEST, value)).isNegative();
            assertThat(IndexEntry.compareValues(value, IndexEntry.HIGHEST)).isNegative();
            assertThat(IndexEntry.compareValues(IndexEntry.EMPTY, value)).isNegative();
        }
    }

    /** Short texts over a few characters, surrogate pairs and characters above them included. */
    private String text() {
        String alphabet = "aAzZ09-_\u00e9\uffee\ud83d\ude00";
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(6);
        for (int i = 0; i < length; i++) {
            int at = random.nextInt(alphabet.length() - 1);
            text.append(alphabet, at, Character.isHighSurrogate(alphabet.charAt(at)) ? at + 2 : at + 1);
        }
        return text.toString();
    }
}
