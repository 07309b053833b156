package dev.studybuddy.mongostandin.index;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.ValueComparator;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * One key of a {@link SortedIndex}: the document's values for the index's fields, then its {@code _id}, so that
 * equal values of several documents are distinct entries (a non-unique index) and every entry can be found again
 * from its document alone. The sentinels let a walk start before or stop after every entry with a given prefix.
 */
record IndexEntry(Object[] values, Object id) {

    /** Comes before every entry in index order, {@link #EMPTY} included. */
    static final Object LOWEST = new Sentinel("LOWEST");
    /** The key of a document whose indexed array is empty: before {@code null}, matched by no scalar. */
    static final Object EMPTY = new Sentinel("EMPTY");
    /** Comes after every entry in index order. */
    static final Object HIGHEST = new Sentinel("HIGHEST");

    static Comparator<IndexEntry> comparator(List<IndexKey> keys) {
        boolean[] ascending = new boolean[keys.size()];
        for (int i = 0; i < ascending.length; i++) {
            ascending[i] = keys.get(i).isAscending();
        }
        return (a, b) -> {
            for (int i = 0; i < ascending.length; i++) {
                Object x = a.values[i];
                Object y = b.values[i];
                int cmp = compareValues(x, y);
                if (cmp != 0) {
                    // LOWEST and HIGHEST are places in index order, whichever way the field is sorted
                    boolean bound = x == LOWEST || x == HIGHEST || y == LOWEST || y == HIGHEST;
                    return ascending[i] || bound ? cmp : -cmp;
                }
            }
            return compareValues(a.id, b.id);
        };
    }

    /**
     * Values in ascending order: the sentinels at their places, everything else as MongoDB orders it. Two strings, two
     * longs, two ints, two instants or two doubles (nearly every key of an index walk or insert: an index keys every
     * number as a double) are compared directly, as
     * {@link ValueComparator} would after its type checks and number normalization, which took most of an insert's
     * time in a profile.
     */
    static int compareValues(Object a, Object b) {
        if (a != null && b != null && a.getClass() == b.getClass()) {
            if (a instanceof String x) {
                return x.compareTo((String) b);
            }
            if (a instanceof Long x) {
                return Long.compare(x, (Long) b);
            }
            if (a instanceof Integer x) {
                return Integer.compare(x, (Integer) b);
            }
            if (a instanceof Instant x) {
                return x.compareTo((Instant) b);
            }
            // numbers are keyed as doubles (mongo-java-server normalizes them); NaN comes before every number there
            if (a instanceof Double x && !x.isNaN() && !((Double) b).isNaN()) {
                double y = (Double) b;
                return x < y ? -1 : x > y ? 1 : 0;
            }
        }
        int rankA = rank(a);
        int rankB = rank(b);
        if (rankA != rankB || rankA != 2) {
            return Integer.compare(rankA, rankB);
        }
        return ValueComparator.asc().compare(a, b);
    }

    private static int rank(Object value) {
        if (value == LOWEST) {
            return 0;
        }
        if (value == EMPTY) {
            return 1;
        }
        if (value == HIGHEST) {
            return 3;
        }
        return 2;
    }

    boolean hasEmpty() {
        for (Object value : values) {
            if (value == EMPTY) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IndexEntry entry
                && Arrays.equals(values, entry.values)
                && java.util.Objects.equals(id, entry.id);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(values) + java.util.Objects.hashCode(id);
    }

    @Override
    public String toString() {
        return Arrays.toString(values) + "/" + id;
    }

    private record Sentinel(String name) {
        @Override
        public String toString() {
            return name;
        }
    }
}
