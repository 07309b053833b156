package dev.studybuddy.mongostandin.status;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.bson.Document;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * MongoDB's {@code serverStatus.metrics.queryExecutor}, which mongo-java-server leaves out: {@code scannedObjects},
 * how many documents queries read, whether an index walk led to them or a scan read the whole collection, and
 * {@code scanned}, how many index keys they examined (a count answered from an index alone reads keys, no documents).
 * Read before and after a unit of work, they tell whether that work's cost grows with the data, on any machine.
 */
public final class QueryExecutorMetrics {

    /** What a backend's databases give their collections: the metrics of the backend they belong to. */
    public interface Source {
        QueryExecutorMetrics queryExecutorMetrics();
    }

    private final LongAdder scannedObjects = new LongAdder();
    private final LongAdder scanned = new LongAdder();

    /**
     * Counts documents a collection of {@code database} read, in the metrics of the backend the database belongs to;
     * not while the store opens: its own reads then come before the database has them.
     */
    public static void documentsExamined(MongoDatabase database, long documents) {
        add(database, documents, metrics -> metrics.scannedObjects);
    }

    /** Counts index keys a walk of a collection of {@code database} examined, as {@link #documentsExamined}. */
    public static void keysExamined(MongoDatabase database, long keys) {
        add(database, keys, metrics -> metrics.scanned);
    }

    private static void add(MongoDatabase database, long count, Function<QueryExecutorMetrics, LongAdder> counter) {
        QueryExecutorMetrics metrics = ((Source) database).queryExecutorMetrics();
        if (metrics != null) {
            counter.apply(metrics).add(count);
        }
    }

    /** Adds {@code metrics.queryExecutor} to a {@code serverStatus} answer: 64-bit integers, as MongoDB's are. */
    public Document addTo(Document serverStatus) {
        Document metrics = serverStatus.get("metrics") instanceof Document existing ? existing : new Document();
        metrics.put(
                "queryExecutor", new Document("scanned", scanned.sum()).append("scannedObjects", scannedObjects.sum()));
        serverStatus.put("metrics", metrics);
        return serverStatus;
    }
}
