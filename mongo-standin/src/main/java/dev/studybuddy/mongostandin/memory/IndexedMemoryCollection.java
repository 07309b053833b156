package dev.studybuddy.mongostandin.memory;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Cursor;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.bson.Document;
import dev.studybuddy.mongostandin.index.IndexWalk;
import dev.studybuddy.mongostandin.index.WalkableCollection;
import dev.studybuddy.mongostandin.status.QueryExecutorMetrics;
import java.util.stream.Stream;

class IndexedMemoryCollection extends MemoryCollection implements WalkableCollection<Integer> {

    IndexedMemoryCollection(
            MongoDatabase database, String collectionName, CollectionOptions options, CursorRegistry cursorRegistry) {
        super(database, collectionName, options, cursorRegistry);
    }

    @Override
    protected QueryResult queryDocuments(
            Document query, Document orderBy, int numberToSkip, int limit, int batchSize, Document fieldSelector) {
        QueryResult fromIndex = IndexWalk.query(
                this, this, getIndexes(), query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        return fromIndex != null
                ? fromIndex
                : super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    @Override
    public Document documentAt(Integer position) {
        return getDocument(position);
    }

    /** Every document read at a position, through an index walk or an index of mongo-java-server's, is examined. */
    @Override
    protected Document getDocument(Integer position) {
        QueryExecutorMetrics.documentsExamined(getDatabase(), 1);
        return super.getDocument(position);
    }

    @Override
    public void keysExamined(long keys) {
        QueryExecutorMetrics.keysExamined(getDatabase(), keys);
    }

    @Override
    public void countScan() {
        QueryExecutorMetrics.documentsExamined(getDatabase(), count());
    }

    @Override
    public boolean matches(Document document, Document query) {
        return documentMatchesQuery(document, query);
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
        return matchDocumentsFromStream(documents, query, orderBy, skip, limit, batchSize, fieldSelector);
    }

    @Override
    public String name() {
        return getFullName();
    }

    @Override
    public int documentCount() {
        return count();
    }

    @Override
    public long newCursorId() {
        return cursorRegistry.generateCursorId();
    }

    @Override
    public void register(Cursor cursor) {
        cursorRegistry.add(cursor);
    }
}
