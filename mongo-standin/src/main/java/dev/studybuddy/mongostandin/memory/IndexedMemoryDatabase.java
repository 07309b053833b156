package dev.studybuddy.mongostandin.memory;

import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import dev.studybuddy.mongostandin.index.IndexedDatabases;
import dev.studybuddy.mongostandin.status.QueryExecutorMetrics;
import io.netty.channel.Channel;
import java.util.List;

class IndexedMemoryDatabase extends MemoryDatabase implements QueryExecutorMetrics.Source {

    private final QueryExecutorMetrics queryExecutorMetrics;

    IndexedMemoryDatabase(
            String databaseName, CursorRegistry cursorRegistry, QueryExecutorMetrics queryExecutorMetrics) {
        super(databaseName, cursorRegistry);
        this.queryExecutorMetrics = queryExecutorMetrics;
    }

    @Override
    public QueryExecutorMetrics queryExecutorMetrics() {
        return queryExecutorMetrics;
    }

    @Override
    protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
        return new IndexedMemoryCollection(this, collectionName, options, cursorRegistry);
    }

    @Override
    protected Index<Integer> openOrCreateUniqueIndex(
            String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
        return IndexedDatabases.isSorted(keys)
                ? IndexedDatabases.sortedIndex(indexName, keys, sparse, true)
                : super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
    }

    @Override
    protected Index<Integer> openOrCreateSecondaryIndex(
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
}
