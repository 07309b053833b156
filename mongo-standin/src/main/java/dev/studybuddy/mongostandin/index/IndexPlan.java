package dev.studybuddy.mongostandin.index;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How one {@link SortedIndex} serves a query: equality on a prefix of its fields, then at most a range on the next
 * field ({@code boundedFields}: how many of its first fields the bounds fix or limit); and whether walking it
 * (forwards or backwards) already yields the requested sort. The best plan bounds the
 * most fields, then gives the sort, then keys a field whose condition its walk can decide from the keys alone
 * ({@code keyDecided}: MongoDB filters on index keys before it fetches a document); a query no index bounds or sorts
 * is left to mongo-java-server's scan.
 */
record IndexPlan<P>(
        SortedIndex<P> index,
        IndexEntry from,
        IndexEntry to,
        boolean reversed,
        boolean givesSort,
        FieldConstraints.Bracket rangeBracket,
        int rangeField,
        int boundedFields,
        int score) {

    static <P> IndexPlan<P> best(List<Index<P>> indexes, Document query, Document orderBy) {
        return best(indexes, query, orderBy, Set.of());
    }

    /** @param keyDecided fields whose conditions a walk decides from the index keys where the index holds them */
    static <P> IndexPlan<P> best(List<Index<P>> indexes, Document query, Document orderBy, Set<String> keyDecided) {
        FieldConstraints constraints = FieldConstraints.of(query);
        Document sort = orderBy == null ? new Document() : orderBy;
        if (sort.containsKey("$natural")) {
            return null;
        }
        IndexPlan<P> best = null;
        for (Index<P> index : indexes) {
            if (index instanceof SortedIndex<P> sorted) {
                IndexPlan<P> plan = of(sorted, constraints, sort, keyDecided);
                if (plan != null && (best == null || plan.score > best.score)) {
                    best = plan;
                }
            }
        }
        return best;
    }

    private static <P> IndexPlan<P> of(
            SortedIndex<P> index, FieldConstraints constraints, Document sort, Set<String> keyDecided) {
        List<IndexKey> keys = index.getKeys();
        int fields = keys.size();
        Object[] from = new Object[fields];
        Object[] to = new Object[fields];
        int equalities = 0;
        while (equalities < fields
                && constraints.on(keys.get(equalities).getKey()) != null
                && constraints.on(keys.get(equalities).getKey()).equal() != null) {
            Object value = constraints.on(keys.get(equalities).getKey()).equal();
            from[equalities] = value;
            to[equalities] = value;
            equalities++;
        }
        FieldConstraints.Bracket bracket = null;
        int next = equalities;
        boolean fromOpen = true;
        boolean toOpen = true;
        if (next < fields) {
            FieldConstraints.Constraint range = constraints.on(keys.get(next).getKey());
            if (range != null && range.hasRange()) {
                bracket = range.rangeBracket();
                Object lower = range.lower() != null && bracket.holds(range.lower()) ? range.lower() : null;
                Object upper = range.upper() != null && bracket.holds(range.upper()) ? range.upper() : null;
                if (index.isMultiKey() && lower != null && upper != null) {
                    // different elements of an array may meet the two bounds: walk from one of them only
                    upper = null;
                }
                boolean lowerInclusive = lower == null || range.lowerInclusive();
                boolean upperInclusive = upper == null || range.upperInclusive();
                lower = lower == null ? bracket.lowest() : lower;
                upper = upper == null ? bracket.highest() : upper;
                boolean ascending = keys.get(next).isAscending();
                Object start = ascending ? lower : upper;
                Object end = ascending ? upper : lower;
                boolean startInclusive = ascending ? lowerInclusive : upperInclusive;
                boolean endInclusive = ascending ? upperInclusive : lowerInclusive;
                from[next] = start == null ? IndexEntry.LOWEST : start;
                to[next] = end == null ? IndexEntry.HIGHEST : end;
                fromOpen = startInclusive;
                toOpen = endInclusive;
                next++;
            }
        }
        Arrays.fill(from, next, fields, fromOpen ? IndexEntry.LOWEST : IndexEntry.HIGHEST);
        Arrays.fill(to, next, fields, toOpen ? IndexEntry.HIGHEST : IndexEntry.LOWEST);
        Boolean reversed = sortDirection(keys, equalities, sort, index.isMultiKey());
        boolean bounded = next > 0;
        boolean complete = !index.isMultiKey() && !index.isSparseIndex();
        if (!bounded && (reversed == null || sort.isEmpty() || !complete)) {
            return null;
        }
        boolean givesSort = reversed != null;
        boolean decidesFromKeys = keys.stream().skip(next).anyMatch(key -> keyDecided.contains(key.getKey()));
        int score = next * 4 + (givesSort && !sort.isEmpty() ? 2 : 0) + (decidesFromKeys ? 1 : 0);
        return new IndexPlan<>(
                index,
                new IndexEntry(from, fromOpen ? IndexEntry.LOWEST : IndexEntry.HIGHEST),
                new IndexEntry(to, toOpen ? IndexEntry.HIGHEST : IndexEntry.LOWEST),
                givesSort && reversed,
                givesSort,
                bracket,
                bracket == null ? -1 : equalities,
                next,
                score);
    }

    /**
     * FALSE if walking the index forwards yields the sort, TRUE if backwards, null if neither. Fields fixed by
     * equality are left out of the sort; an empty sort is met either way.
     */
    private static Boolean sortDirection(List<IndexKey> keys, int equalities, Document sort, boolean multiKey) {
        List<Map.Entry<String, Object>> remaining = new ArrayList<>();
        for (Map.Entry<String, Object> field : sort.entrySet()) {
            boolean fixed = false;
            for (int i = 0; i < equalities; i++) {
                fixed |= keys.get(i).getKey().equals(field.getKey());
            }
            if (!fixed) {
                remaining.add(field);
            }
        }
        if (remaining.isEmpty()) {
            return Boolean.FALSE;
        }
        if (multiKey || remaining.size() > keys.size() - equalities) {
            return null;
        }
        Boolean reversed = null;
        for (int i = 0; i < remaining.size(); i++) {
            IndexKey key = keys.get(equalities + i);
            Map.Entry<String, Object> field = remaining.get(i);
            if (!key.getKey().equals(field.getKey()) || !(field.getValue() instanceof Number direction)) {
                return null;
            }
            boolean sameDirection = (direction.intValue() > 0) == key.isAscending();
            if (reversed == null) {
                reversed = !sameDirection;
            } else if (reversed == sameDirection) {
                return null;
            }
        }
        return reversed;
    }
}
