package dev.studybuddy.mongostandin.memory;

import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import dev.studybuddy.mongostandin.status.OpCounters;
import dev.studybuddy.mongostandin.status.QueryExecutorMetrics;
import io.netty.channel.Channel;

/**
 * mongo-java-server's in-memory backend whose databases plan queries over sorted indexes (see the module's README),
 * with MongoDB's operation counters and documents examined in {@code serverStatus}.
 */
public class IndexedMemoryBackend extends MemoryBackend {

    private final OpCounters opCounters = new OpCounters();
    private final QueryExecutorMetrics queryExecutorMetrics = new QueryExecutorMetrics();

    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
        return new IndexedMemoryDatabase(databaseName, getCursorRegistry(), queryExecutorMetrics);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        opCounters.count(command, query);
        return super.handleCommand(channel, databaseName, command, query);
    }

    @Override
    public Document getServerStatus() {
        return queryExecutorMetrics.addTo(opCounters.addTo(super.getServerStatus()));
    }
}
