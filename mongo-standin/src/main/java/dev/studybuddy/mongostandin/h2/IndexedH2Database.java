package dev.studybuddy.mongostandin.h2;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import dev.studybuddy.mongostandin.index.IndexedDatabases;
import dev.studybuddy.mongostandin.status.QueryExecutorMetrics;
import io.netty.channel.Channel;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * Sorted indexes are kept in memory and rebuilt from the stored documents when the database opens (H2Database's
 * constructor re-creates every index it finds in {@code system.indexes}).
 */
class IndexedH2Database extends H2Database implements QueryExecutorMetrics.Source {

    private static final String DATABASES_PREFIX = "databases.";
    private static final String META_PREFIX = "meta.";

    /**
     * The collections opened while the store opens, whose indexes are built together once all are known. Assigned
     * during H2Database's constructor, so it has no initializer (one would run afterwards and reset it).
     */
    private List<IndexedH2Collection> opening;

    /**
     * Assigned only after H2Database's constructor, which opens the collections and reads the store: those reads find
     * it null and are not counted ({@link QueryExecutorMetrics#documentsExamined(de.bwaldvogel.mongo.MongoDatabase,
     * long)}).
     */
    private final QueryExecutorMetrics queryExecutorMetrics;

    IndexedH2Database(
            String databaseName,
            MVStore mvStore,
            CursorRegistry cursorRegistry,
            QueryExecutorMetrics queryExecutorMetrics) {
        super(databaseName, mvStore, cursorRegistry);
        this.queryExecutorMetrics = queryExecutorMetrics;
    }

    @Override
    public QueryExecutorMetrics queryExecutorMetrics() {
        return queryExecutorMetrics;
    }

    /** Opens the collections and their indexes, then builds each collection's indexes in one read of its documents. */
    @Override
    protected void initializeNamespacesAndIndexes() {
        opening = new ArrayList<>();
        try {
            super.initializeNamespacesAndIndexes();
            opening.forEach(IndexedH2Collection::buildDeferredIndexes);
        } finally {
            opening = null;
        }
    }

    /**
     * The same maps H2Database opens for a collection, its documents stored as BSON ({@link BsonDocumentType}), in a
     * collection that plans over sorted indexes.
     */
    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        String fullName = getFullCollectionNamespace(collectionName);
        MVMap<Object, Document> dataMap = store().openMap(
                        DATABASES_PREFIX + fullName,
                        new MVMap.Builder<Object, Document>().valueType(BsonDocumentType.INSTANCE));
        MVMap<String, Object> metaMap = store().openMap(META_PREFIX + fullName);
        IndexedH2Collection collection =
                new IndexedH2Collection(this, collectionName, options, dataMap, metaMap, cursorRegistry);
        if (opening != null && !collectionName.startsWith("system.")) {
            collection.deferIndexBuilds();
            opening.add(collection);
        }
        return collection;
    }

    /**
     * {@code _id}'s too: H2's own unique index keys its map by mongo-java-server's {@code KeyValue}, which H2 can
     * compare only by serializing both sides, on every step of every lookup and insert.
     */
    @Override
    protected Index<Object> openOrCreateUniqueIndex(
            String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
        return IndexedDatabases.sortedIndex(indexName, keys, sparse, true);
    }

    @Override
    protected Index<Object> openOrCreateSecondaryIndex(
            String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
        return IndexedDatabases.sortedIndex(indexName, keys, sparse, false);
    }

    @Override
    public Document handleCommand(
            Channel channel, String command, Document query, DatabaseResolver resolver, Oplog oplog) {
        if (command.equalsIgnoreCase("aggregate")) {
            String collectionName = String.valueOf(query.get(command));
            Document answer = IndexedDatabases.aggregateFromIndex(
                    this,
                    getFullCollectionNamespace(collectionName),
                    query,
                    resolveCollection(collectionName, false),
                    resolver,
                    oplog);
            if (answer != null) {
                return answer;
            }
        }
        return super.handleCommand(channel, command, query, resolver, oplog);
    }

    /**
     * H2Database keeps its store private and asks for collections from its own constructor, before a subclass
     * could have kept the store itself: the one hook this module reads by reflection (see the README).
     */
    private MVStore store() {
        try {
            Field field = H2Database.class.getDeclaredField("mvStore");
            field.setAccessible(true);
            return (MVStore) field.get(this);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("mongo-java-server's H2Database has no mvStore field any more", e);
        }
    }
}
