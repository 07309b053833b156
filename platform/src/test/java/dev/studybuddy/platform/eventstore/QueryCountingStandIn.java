package dev.studybuddy.platform.eventstore;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import dev.studybuddy.mongostandin.memory.IndexedMemoryBackend;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/** An in-memory stand-in, and a client of it that counts the queries of the event collection. */
final class QueryCountingStandIn implements AutoCloseable {

    private final MongoServer server;
    private final MongoClient client;
    private final String uri;
    private final AtomicInteger eventQueries = new AtomicInteger();

    QueryCountingStandIn(String database) {
        server = new MongoServer(new IndexedMemoryBackend());
        uri = "mongodb://127.0.0.1:" + server.bind().getPort() + "/" + database;
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandStarted(CommandStartedEvent event) {
                        if (event.getCommandName().equals("find")
                                && event.getCommand()
                                        .getString("find")
                                        .getValue()
                                        .equals("domainevents")) {
                            eventQueries.incrementAndGet();
                        }
                    }
                })
                .build());
    }

    /** The services' engine over this stand-in. */
    EventStorageEngine engine(int fetchBatchSize) {
        return StandInEngines.engine(client, uri, fetchBatchSize);
    }

    /** How many queries of the event collection were sent since the last call. */
    int takeEventQueries() {
        return eventQueries.getAndSet(0);
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
