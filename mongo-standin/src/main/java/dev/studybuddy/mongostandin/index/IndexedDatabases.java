package dev.studybuddy.mongostandin.index;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.aggregation.Aggregation;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.util.ArrayList;
import java.util.List;

/** What the indexed databases of both backends share: which indexes they make, and aggregations that start with $match. */
public final class IndexedDatabases {

    private IndexedDatabases() {}

    /** Every index but the one on {@code _id} (the backend's own, which its collections look documents up by). */
    public static boolean isSorted(List<IndexKey> keys) {
        return !(keys.size() == 1 && keys.get(0).getKey().equals("_id"));
    }

    public static <P> Index<P> sortedIndex(String name, List<IndexKey> keys, boolean sparse, boolean unique) {
        return new SortedIndex<>(name, keys, sparse, unique);
    }

    /**
     * An {@code aggregate} whose pipeline starts with a {@code $match} that an index bounds (countDocuments, for one)
     * reads the matching documents through the index instead of the whole collection, or, for a count the index alone
     * answers, no documents at all ({@link CoveredCount}); null for any other.
     */
    public static Document aggregateFromIndex(
            MongoDatabase database,
            String namespace,
            Document command,
            MongoCollection<?> collection,
            DatabaseResolver resolver,
            Oplog oplog) {
        if (collection == null
                || !(command.get("pipeline") instanceof List<?> pipeline)
                || pipeline.isEmpty()
                || !(pipeline.get(0) instanceof Document first)
                || first.size() != 1
                || !(first.get("$match") instanceof Document match)
                || match.containsKey("$expr")) {
            return null;
        }
        IndexPlan<?> plan = IndexPlan.best(indexesOf(collection), match, null);
        if (plan == null) {
            return null;
        }
        List<Document> rest = new ArrayList<>();
        for (Object stage : pipeline.subList(1, pipeline.size())) {
            if (!(stage instanceof Document document) || document.containsKey("$changeStream")) {
                return null;
            }
            rest.add(document);
        }
        Aggregation aggregation = Aggregation.fromPipeline(rest, resolver, database, collection, oplog);
        aggregation.validate(command);
        List<Document> counted = CoveredCount.of(plan, match, rest, walkable(collection));
        List<Document> result =
                counted != null ? counted : aggregation.runStages(collection.handleQueryAsStream(match));
        Document cursor = new Document("id", 0L).append("ns", namespace).append("firstBatch", result);
        return new Document("cursor", cursor).append("ok", 1.0);
    }

    @SuppressWarnings("unchecked")
    private static <P> WalkableCollection<P> walkable(MongoCollection<?> collection) {
        return (WalkableCollection<P>) collection;
    }

    @SuppressWarnings("unchecked")
    private static <P> List<Index<P>> indexesOf(MongoCollection<?> collection) {
        return ((MongoCollection<P>) collection).getIndexes();
    }
}
