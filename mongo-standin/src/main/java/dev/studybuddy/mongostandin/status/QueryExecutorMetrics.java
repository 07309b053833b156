package dev.studybuddy.mongostandin.status;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.bson.Document;
import java.util.concurrent.atomic.LongAdder;

/**
 * MongoDB's {@code serverStatus.metrics.queryExecutor.scannedObjects}, which mongo-java-server leaves out: how many
 * documents queries read, whether an index walk led to them or a scan read the whole collection. Read before and
 * after a unit of work, it tells whether that work's cost grows with the data, on any machine. (MongoDB's
 * {@code scanned}, the index keys examined, is not counted.)
 */
public final class QueryExecutorMetrics {

    /** What a backend's databases give their collections: the metrics of the backend they belong to. */
    public interface Source {
        QueryExecutorMetrics queryExecutorMetrics();
    }

    private final LongAdder scannedObjects = new LongAdder();

    public void documentsExamined(long documents) {
        scannedObjects.add(documents);
    }

    /**
     * Counts documents a collection of {@code database} read, in the metrics of the backend the database belongs to;
     * not while the store opens: its own reads then come before the database has them.
     */
    public static void documentsExamined(MongoDatabase database, long documents) {
        QueryExecutorMetrics metrics = ((Source) database).queryExecutorMetrics();
        if (metrics != null) {
            metrics.documentsExamined(documents);
        }
    }

    /** Adds {@code metrics.queryExecutor} to a {@code serverStatus} answer: 64-bit integers, as MongoDB's are. */
    public Document addTo(Document serverStatus) {
        Document metrics = serverStatus.get("metrics") instanceof Document existing ? existing : new Document();
        metrics.put("queryExecutor", new Document("scannedObjects", scannedObjects.sum()));
        serverStatus.put("metrics", metrics);
        return serverStatus;
    }
}
