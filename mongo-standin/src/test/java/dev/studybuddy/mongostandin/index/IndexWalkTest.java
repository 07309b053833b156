package dev.studybuddy.mongostandin.index;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.Cursor;
import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;
import de.bwaldvogel.mongo.backend.DocumentComparator;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** How much of an index a walk reads: what the queries of the event store and the chat views cost. */
class IndexWalkTest {

    private final Documents events = new Documents();
    private final SortedIndex<Integer> byAggregate = new SortedIndex<>(
            "uniqueAggregateIndex",
            List.of(new IndexKey("aggregateIdentifier", true), new IndexKey("sequenceNumber", true)),
            false,
            true);
    private final SortedIndex<Integer> byTime = orderedEventStreamIndex();
    private final List<Index<Integer>> indexes = List.of(byAggregate, byTime);

    IndexWalkTest() {
        for (int i = 0; i < 10_000; i++) {
            Document event = new Document("_id", i)
                    .append("aggregateIdentifier", "group-" + (i % 10))
                    .append("sequenceNumber", (long) (i / 10))
                    .append(
                            "timestamp",
                            String.format(
                                    "2026-12-02T%02d:%02d:%02d.%03dZ",
                                    i / 3_600_000 % 24, i / 60_000 % 60, i / 1000 % 60, i % 1000));
            events.add(event, indexes);
        }
    }

    @Test
    void aTrackingPollReadsAboutOneBatchHoweverMuchFollows() {
        Document poll = new Document(
                "$and",
                List.of(
                        new Document("timestamp", new Document("$gte", "2026-12-02T00:00:01.000Z")),
                        new Document("eventIdentifier", new Document("$nin", List.of("a", "b")))));
        Document order = new Document("timestamp", 1).append("sequenceNumber", 1);

        QueryResult result = IndexWalk.query(events, events, indexes, poll, order, 0, 0, 100, null);

        assertThat(result.collectDocuments())
                .hasSize(100)
                .first()
                .satisfies(first -> assertThat(first.get("_id")).isEqualTo(1000));
        assertThat(events.reads).isBetween(100, 101);
        assertThat(result.getCursorId()).isNotZero();
        assertThat(events.cursors.get(0).takeDocuments(50)).hasSize(50);
        assertThat(events.reads).isBetween(150, 151);
    }

    @Test
    void aTrackingPollWithAnIndexEndingInTheEventIdReadsNoDocumentOfTheIdsItLists() {
        SortedIndex<Integer> byTimeAndId = new SortedIndex<>(
                "trackingFetchIndex",
                List.of(
                        new IndexKey("timestamp", true),
                        new IndexKey("sequenceNumber", true),
                        new IndexKey("eventIdentifier", true)),
                false,
                false);
        List<Index<Integer>> withIds = List.of(orderedEventStreamIndex(), byTimeAndId);
        Documents identified = new Documents();
        for (int i = 0; i < 1_000; i++) {
            identified.add(
                    new Document("_id", i)
                            .append("eventIdentifier", "event-" + i)
                            .append("sequenceNumber", (long) i)
                            .append("aggregateIdentifier", "group-" + (i % 10))
                            .append("timestamp", String.format("2026-12-02T00:00:%02d.%03dZ", i / 1000, i % 1000)),
                    withIds);
        }
        List<String> seen = new ArrayList<>();
        for (int i = 500; i < 800; i++) {
            seen.add("event-" + i); // the look-back window of a token at event 799
        }
        Document poll = new Document(
                "$and",
                List.of(
                        new Document("timestamp", new Document("$gte", "2026-12-02T00:00:00.500Z")),
                        new Document("eventIdentifier", new Document("$nin", seen))));
        Document order = new Document("timestamp", 1).append("sequenceNumber", 1);

        QueryResult result = IndexWalk.query(identified, identified, withIds, poll, order, 0, 0, 100, null);

        assertThat(result.collectDocuments())
                .extracting(document -> document.get("eventIdentifier"))
                .hasSize(100)
                .startsWith("event-800", "event-801");
        assertThat(identified.reads).as("documents read").isBetween(100, 101);
    }

    @Test
    void aCompoundIndexFindsADocumentWithAnEmptyArrayByItsOtherField() {
        SortedIndex<Integer> byDayAndTags = new SortedIndex<>(
                "day_1_tags_1", List.of(new IndexKey("day", true), new IndexKey("tags", true)), false, false);
        Documents tagged = new Documents();
        tagged.add(new Document("_id", 1).append("day", 3).append("tags", List.of()), List.of(byDayAndTags));
        tagged.add(new Document("_id", 2).append("day", 3).append("tags", List.of("a", "b")), List.of(byDayAndTags));
        tagged.add(new Document("_id", 3).append("day", 4).append("tags", List.of()), List.of(byDayAndTags));

        QueryResult result =
                IndexWalk.query(tagged, tagged, List.of(byDayAndTags), new Document("day", 3), null, 0, 0, 0, null);

        assertThat(result.collectDocuments())
                .extracting(document -> document.get("_id"))
                .containsExactlyInAnyOrder(1, 2);
    }

    @Test
    void aCountOfTheEventsAfterATimeReadsNoDocument() {
        Document after = new Document(
                "$and", List.of(new Document("timestamp", new Document("$gt", "2026-12-02T00:00:09.000Z"))));
        List<Document> countDocuments =
                List.of(new Document("$group", new Document("_id", 1).append("n", new Document("$sum", 1))));

        List<Document> counted = CoveredCount.of(IndexPlan.best(indexes, after, null), after, countDocuments, events);

        assertThat(counted).containsExactly(new Document("_id", 1).append("n", 999L));
        assertThat(events.reads).isZero();
        assertThat(events.keys).as("index keys read").isEqualTo(999);
        Document withPayloadType =
                new Document("timestamp", new Document("$gt", "2026-12-02T00:00:09.000Z")).append("payloadType", "x");
        assertThat(CoveredCount.of(
                        IndexPlan.best(indexes, withPayloadType, null), withPayloadType, countDocuments, events))
                .as("a condition the index does not hold: counted from the documents")
                .isNull();
        Document withNull = new Document("$and", java.util.Arrays.asList(after, null));
        assertThat(CoveredCount.of(IndexPlan.best(indexes, withNull, null), withNull, countDocuments, events))
                .as("an $and of something else than conditions: left to the matcher")
                .isNull();
    }

    @Test
    void aCappedCountStopsAtItsCap() {
        Document after = new Document("timestamp", new Document("$gt", "2026-12-02T00:00:01.000Z"));
        Document group = new Document("$group", new Document("_id", 1).append("n", new Document("$sum", 1)));
        IndexPlan<Integer> plan = IndexPlan.best(indexes, after, null);

        List<Document> capped = CoveredCount.of(plan, after, List.of(new Document("$limit", 101), group), events);

        assertThat(capped).containsExactly(new Document("_id", 1).append("n", 101L));
        assertThat(events.keys).as("index keys read").isEqualTo(101);
        assertThat(events.reads).isZero();
        assertThat(CoveredCount.of(
                        plan, after, List.of(new Document("$skip", 5), new Document("$limit", 10), group), events))
                .as("skip 5, then at most 10")
                .containsExactly(new Document("_id", 1).append("n", 10L));
        assertThat(CoveredCount.of(plan, after, List.of(new Document("$skip", 9_000), group), events))
                .as("skipped past the last")
                .isEmpty();
        assertThat(CoveredCount.of(plan, after, List.of(new Document("$sort", new Document("x", 1)), group), events))
                .as("any other stage: counted from the documents")
                .isNull();
    }

    @Test
    void anAggregateLoadReadsOnlyItsOwnStreamFromTheSequenceAsked() {
        Document load = new Document(
                "$and",
                List.of(
                        new Document("aggregateIdentifier", "group-3"),
                        new Document("sequenceNumber", new Document("$gte", 990L))));

        QueryResult result =
                IndexWalk.query(events, events, indexes, load, new Document("sequenceNumber", 1), 0, 0, 0, null);

        assertThat(result.collectDocuments())
                .extracting(document -> document.get("sequenceNumber"))
                .containsExactly(990L, 991L, 992L, 993L, 994L, 995L, 996L, 997L, 998L, 999L);
        assertThat(events.reads).isEqualTo(10);
    }

    @Test
    void theLastEventOfAStreamIsOneReadBackwards() {
        QueryResult result = IndexWalk.query(
                events,
                events,
                indexes,
                new Document("aggregateIdentifier", "group-7"),
                new Document("sequenceNumber", -1),
                0,
                1,
                0,
                null);

        assertThat(result.collectDocuments())
                .singleElement()
                .satisfies(last -> assertThat(last.get("sequenceNumber")).isEqualTo(999L));
        assertThat(events.reads).isEqualTo(1);
    }

    @Test
    void anInListReadsOnlyTheDocumentsItNamesInTheOrderAsked() {
        Document pinned = new Document("aggregateIdentifier", "group-3")
                .append("sequenceNumber", new Document("$in", List.of(900L, 5L, 17L, 5, 123_456L)));

        QueryResult result =
                IndexWalk.query(events, events, indexes, pinned, new Document("sequenceNumber", -1), 0, 0, 0, null);

        assertThat(result.collectDocuments())
                .extracting(document -> document.get("sequenceNumber"))
                .containsExactly(900L, 17L, 5L);
        assertThat(events.reads).isEqualTo(3);
    }

    @Test
    void anInListOnTheFirstFieldOfAnIndexBoundsTheNextOneToo() {
        Document lastOfTwoStreams = new Document(
                "$and",
                List.of(
                        new Document("aggregateIdentifier", new Document("$in", List.of("group-1", "group-2"))),
                        new Document("sequenceNumber", new Document("$gte", 998L))));

        QueryResult result = IndexWalk.query(events, events, indexes, lastOfTwoStreams, null, 0, 0, 0, null);

        assertThat(result.collectDocuments())
                .extracting(document -> document.get("aggregateIdentifier") + "/" + document.get("sequenceNumber"))
                .containsExactlyInAnyOrder("group-1/998", "group-1/999", "group-2/998", "group-2/999");
        assertThat(events.reads).isEqualTo(4);
    }

    @Test
    void anInListWithANullIsLeftToTheWalkOfTheWholeQuery() {
        Document withNull = new Document("aggregateIdentifier", "group-3")
                .append("sequenceNumber", new Document("$in", java.util.Arrays.asList(5L, null)));

        QueryResult result = IndexWalk.query(events, events, indexes, withNull, null, 0, 0, 0, null);

        assertThat(result.collectDocuments())
                .extracting(document -> document.get("sequenceNumber"))
                .containsExactly(5L);
        assertThat(events.reads)
                .as("the whole stream: null also matches a missing field")
                .isEqualTo(1000);
    }

    @Test
    void aQueryNoIndexBoundsOrSortsIsLeftToTheScan() {
        assertThat(IndexWalk.query(events, events, indexes, new Document("payloadType", "x"), null, 0, 0, 0, null))
                .isNull();
        assertThat(IndexWalk.query(events, events, indexes, new Document(), new Document("$natural", 1), 0, 0, 0, null))
                .isNull();
    }

    /** axon-mongo's index of the tracked stream: timestamp, sequence number. */
    private static SortedIndex<Integer> orderedEventStreamIndex() {
        return new SortedIndex<>(
                "orderedEventStreamIndex",
                List.of(new IndexKey("timestamp", true), new IndexKey("sequenceNumber", true)),
                false,
                false);
    }

    /** A collection of documents by position that counts how many it was asked for. */
    private static final class Documents implements WalkableCollection<Integer> {
        private final Map<Integer, Document> byPosition = new HashMap<>();
        private final List<Cursor> cursors = new ArrayList<>();
        private int reads;
        private long keys;

        void add(Document document, List<Index<Integer>> indexes) {
            int position = byPosition.size();
            byPosition.put(position, document);
            indexes.forEach(index -> index.add(document, position, null));
        }

        @Override
        public Document documentAt(Integer position) {
            reads++;
            return byPosition.get(position);
        }

        @Override
        public boolean matches(Document document, Document query) {
            return new DefaultQueryMatcher().matches(document, query);
        }

        @Override
        public void keysExamined(long keys) {
            this.keys += keys;
        }

        @Override
        public QueryResult resultOf(
                Stream<Document> documents,
                Document query,
                Document orderBy,
                int skip,
                int limit,
                int batchSize,
                Document fieldSelector) {
            Stream<Document> matching = documents.filter(document -> matches(document, query));
            if (orderBy != null) {
                matching = matching.sorted(new DocumentComparator(orderBy));
            }
            matching = matching.skip(skip);
            return new QueryResult(limit > 0 ? matching.limit(limit).toList() : matching.toList());
        }

        @Override
        public String name() {
            return "test.events";
        }

        @Override
        public void countScan() {
            reads += byPosition.size();
        }

        @Override
        public int documentCount() {
            return byPosition.size();
        }

        @Override
        public long newCursorId() {
            return cursors.size() + 1;
        }

        @Override
        public void register(Cursor cursor) {
            cursors.add(cursor);
        }
    }
}
