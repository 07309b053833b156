package dev.studybuddy.mongostandin.index;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Answers a query from the best {@link IndexPlan}: walks only the index entries in its bounds, leaves out those
 * whose keys already fail a {@code $nin} of strings, checks each remaining document against the whole query (its
 * {@code $nin} lists of strings with a hash set, {@link NotInSets}), and, where the walk already yields the sort, stops at the limit or hands the
 * rest to a cursor that goes on walking at the next {@code getMore} ({@link IndexWalkCursor}). A {@code $in} is walked
 * as one point per value where that bounds more of an index ({@link InLists}). Returns null where no index helps, so
 * that the caller scans as before.
 */
public final class IndexWalk {

    private IndexWalk() {}

    public static <P> QueryResult query(
            WalkableCollection<P> collection,
            Object lock,
            List<Index<P>> indexes,
            Document query,
            Document orderBy,
            int skip,
            int limit,
            int batchSize,
            Document fieldSelector) {
        NotInSets notIn = NotInSets.of(query);
        IndexPlan<P> plan = IndexPlan.best(indexes, query, orderBy, notIn.fields());
        List<IndexPlan<P>> points = pointPlans(indexes, query, notIn.fields(), plan);
        if (!points.isEmpty()) {
            Stream<Document> candidates = documents(
                    collection,
                    notIn,
                    points.stream()
                            .flatMap(point ->
                                    walk(point, notIn.keysAdmit(point.index().getKeys()), collection))
                            .distinct());
            return collection.resultOf(candidates, notIn.remaining(), orderBy, skip, limit, batchSize, fieldSelector);
        }
        if (plan == null) {
            if (indexes.stream().noneMatch(index -> index.canHandle(query))) {
                collection.countScan();
                Scans.report(collection, query, orderBy);
            }
            return null;
        }
        Document remaining = notIn.remaining();
        Stream<Document> candidates = documents(
                collection, notIn, walk(plan, notIn.keysAdmit(plan.index().getKeys()), collection));
        if (!plan.givesSort()) {
            return collection.resultOf(candidates, remaining, orderBy, skip, limit, batchSize, fieldSelector);
        }
        boolean projected = fieldSelector != null && !fieldSelector.isEmpty();
        if (limit != 0 || batchSize <= 0 || projected) {
            return collection.resultOf(candidates, remaining, null, skip, limit, batchSize, fieldSelector);
        }
        Iterator<Document> matching = candidates
                .filter(document -> collection.matches(document, remaining))
                .skip(skip)
                .iterator();
        List<Document> firstBatch = new ArrayList<>(batchSize);
        while (firstBatch.size() < batchSize && matching.hasNext()) {
            firstBatch.add(matching.next());
        }
        if (!matching.hasNext()) {
            return new QueryResult(firstBatch);
        }
        IndexWalkCursor cursor = new IndexWalkCursor(collection.newCursorId(), matching, lock);
        collection.register(cursor);
        return new QueryResult(firstBatch, cursor);
    }

    /** The documents at the positions, those a {@code $nin} of the query decides against left out. */
    private static <P> Stream<Document> documents(
            WalkableCollection<P> collection, NotInSets notIn, Stream<P> positions) {
        return positions
                .map(collection::documentAt)
                .filter(Objects::nonNull)
                .filter(document -> notIn.admits(document, collection::matches));
    }

    /**
     * A plan per value of the query's {@code $in} ({@link InLists}), where each of them bounds more fields than the
     * plan of the whole query; else none. The union of their walks is in no order, so the caller sorts.
     */
    private static <P> List<IndexPlan<P>> pointPlans(
            List<Index<P>> indexes, Document query, Set<String> keyDecided, IndexPlan<P> whole) {
        int bounded = whole == null ? 0 : whole.boundedFields();
        List<IndexPlan<P>> plans = new ArrayList<>();
        for (Document point : InLists.pointQueries(query)) {
            IndexPlan<P> plan = IndexPlan.best(indexes, point, null, keyDecided);
            if (plan == null || plan.boundedFields() <= bounded) {
                return List.of();
            }
            plans.add(plan);
        }
        return plans;
    }

    private static <P> Stream<P> walk(
            IndexPlan<P> plan, Predicate<IndexEntry> keysAdmit, WalkableCollection<P> collection) {
        Iterator<P> positions = positions(plan, keysAdmit, collection);
        Stream<P> stream =
                StreamSupport.stream(Spliterators.spliteratorUnknownSize(positions, Spliterator.ORDERED), false);
        return plan.index().isMultiKey() ? stream.distinct() : stream;
    }

    /** The positions of the entries between the plan's bounds, in its order; each key read counted in {@code collection}. */
    static <P> Iterator<P> positions(IndexPlan<P> plan, WalkableCollection<P> collection) {
        return positions(plan, null, collection);
    }

    /** The positions of the entries between the plan's bounds whose keys {@code keysAdmit} (all if null). */
    private static <P> Iterator<P> positions(
            IndexPlan<P> plan, Predicate<IndexEntry> keysAdmit, WalkableCollection<P> collection) {
        Iterator<Map.Entry<IndexEntry, P>> range = counted(
                plan.index()
                        .range(plan.from(), plan.to(), plan.reversed())
                        .entrySet()
                        .iterator(),
                collection);
        Iterator<Map.Entry<IndexEntry, P>> entries = keysAdmit == null
                ? range
                : StreamSupport.stream(Spliterators.spliteratorUnknownSize(range, Spliterator.ORDERED), false)
                        .filter(entry -> keysAdmit.test(entry.getKey()))
                        .iterator();
        return plan.rangeBracket() == null
                ? map(entries)
                : new WithinBracket<>(entries, plan.rangeBracket(), plan.rangeField());
    }

    /** Counts each entry as it is read: a walk a cursor stops early has examined only what it read. */
    private static <E> Iterator<E> counted(Iterator<E> entries, WalkableCollection<?> collection) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return entries.hasNext();
            }

            @Override
            public E next() {
                E entry = entries.next();
                collection.keysExamined(1);
                return entry;
            }
        };
    }

    private static <P> Iterator<P> map(Iterator<Map.Entry<IndexEntry, P>> entries) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return entries.hasNext();
            }

            @Override
            public P next() {
                return entries.next().getValue();
            }
        };
    }

    /**
     * A range open on one side of strings runs on into the next kind of values: skip entries of other kinds before
     * the first of the range's kind, stop at the first after it (MongoDB orders every kind together).
     */
    private static final class WithinBracket<P> implements Iterator<P> {
        private final Iterator<Map.Entry<IndexEntry, P>> entries;
        private final FieldConstraints.Bracket bracket;
        private final int field;
        private boolean entered;
        private P next;
        private boolean done;

        WithinBracket(Iterator<Map.Entry<IndexEntry, P>> entries, FieldConstraints.Bracket bracket, int field) {
            this.entries = entries;
            this.bracket = bracket;
            this.field = field;
        }

        @Override
        public boolean hasNext() {
            while (next == null && !done && entries.hasNext()) {
                Map.Entry<IndexEntry, P> entry = entries.next();
                if (bracket.holds(entry.getKey().values()[field])) {
                    entered = true;
                    next = entry.getValue();
                } else if (entered) {
                    done = true;
                }
            }
            return next != null;
        }

        @Override
        public P next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            P position = next;
            next = null;
            return position;
        }
    }
}
