package dev.studybuddy.mongostandin.index;

import de.bwaldvogel.mongo.backend.Cursor;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import java.util.stream.Stream;

/**
 * What {@link IndexWalk} needs of a collection: mongo-java-server keeps these protected in its
 * {@code AbstractMongoCollection}, so each backend's collection of this module opens them here.
 */
public interface WalkableCollection<P> {

    Document documentAt(P position);

    boolean matches(Document document, Document query);

    /** Filters, sorts (unless {@code orderBy} is null), skips, limits and projects, as mongo-java-server does. */
    QueryResult resultOf(
            Stream<Document> documents,
            Document query,
            Document orderBy,
            int skip,
            int limit,
            int batchSize,
            Document fieldSelector);

    String name();

    /** Counts the index keys a walk examined, those it passed over included ({@code scanned}). */
    void keysExamined(long keys);

    /** Counts, in the documents examined, the scan of every document that answers a query no index serves. */
    void countScan();

    int documentCount();

    long newCursorId();

    void register(Cursor cursor);
}
