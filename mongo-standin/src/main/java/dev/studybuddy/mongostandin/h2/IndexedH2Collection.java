package dev.studybuddy.mongostandin.h2;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Cursor;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.IndexBuildFailedException;
import de.bwaldvogel.mongo.exception.MongoServerError;
import dev.studybuddy.mongostandin.index.IndexWalk;
import dev.studybuddy.mongostandin.index.SortedIndex;
import dev.studybuddy.mongostandin.index.WalkableCollection;
import dev.studybuddy.mongostandin.status.QueryExecutorMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;

class IndexedH2Collection extends H2Collection implements WalkableCollection<Object> {

    private List<SortedIndex<Object>> deferredIndexes;

    IndexedH2Collection(
            MongoDatabase database,
            String collectionName,
            CollectionOptions options,
            MVMap<Object, Document> dataMap,
            MVMap<String, Object> metaMap,
            CursorRegistry cursorRegistry) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
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

    /**
     * Builds a new sorted index in one read of the stored documents where mongo-java-server reads them twice (each
     * document checked, then each added; {@code SortedIndex.add} refuses a duplicate itself); while the store opens,
     * it keeps the index for {@link #buildDeferredIndexes}, which builds all of the collection's in one read. On H2
     * every read deserializes every document: a kept store of 1,000,000 events took more than ten minutes to open,
     * reading each collection twice per index. Synchronized as the collection's writes are, so that none lands between
     * the read and the index joining the collection.
     */
    @Override
    public synchronized void addIndex(Index<Object> index) {
        boolean named =
                getIndexes().stream().anyMatch(existing -> existing.getName().equals(index.getName()));
        if (named || !(index instanceof SortedIndex<Object> sorted) || !sorted.isEmpty()) {
            super.addIndex(index);
        } else if (deferredIndexes != null) {
            if (deferredIndexes.stream()
                    .noneMatch(deferred -> deferred.getName().equals(index.getName()))) {
                deferredIndexes.add(sorted);
            }
        } else {
            build(List.of(sorted));
            super.addIndex(index);
        }
    }

    /** From now until {@link #buildDeferredIndexes}, indexes added are kept, not built (the store is opening). */
    void deferIndexBuilds() {
        deferredIndexes = new ArrayList<>();
    }

    synchronized void buildDeferredIndexes() {
        List<SortedIndex<Object>> deferred = deferredIndexes;
        deferredIndexes = null;
        if (deferred == null || deferred.isEmpty()) {
            return;
        }
        build(deferred);
        deferred.forEach(super::addIndex);
    }

    private void build(List<SortedIndex<Object>> indexes) {
        try {
            streamAllDocumentsWithPosition()
                    .forEach(stored ->
                            indexes.forEach(index -> index.add(stored.getDocument(), stored.getPosition(), this)));
        } catch (MongoServerError e) {
            throw new IndexBuildFailedException(e, this);
        }
    }

    @Override
    public Document documentAt(Object position) {
        return getDocument(position);
    }

    /** Every document read at a position, through an index walk or an index of mongo-java-server's, is examined. */
    @Override
    protected Document getDocument(Object position) {
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
