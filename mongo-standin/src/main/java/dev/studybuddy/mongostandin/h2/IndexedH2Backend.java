package dev.studybuddy.mongostandin.h2;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend with sorted indexes (see the module's README) and durable writes: a command's
 * answer leaves only after what it changed is committed to the file, so a write acknowledged to a client survives
 * the stand-in being killed. (H2Backend alone commits in the background about once a second.) Writers that arrive
 * while a commit runs are written by the next one together: one commit serves them all.
 */
public class IndexedH2Backend extends H2Backend {

    private final Object commitLock = new Object();

    public IndexedH2Backend(String fileName) {
        super(MVStore.open(fileName));
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new IndexedH2Database(databaseName, getMvStore(), getCursorRegistry());
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } finally {
            commitChanges();
        }
    }

    private void commitChanges() {
        MVStore store = getMvStore();
        if (store.hasUnsavedChanges()) {
            synchronized (commitLock) {
                if (store.hasUnsavedChanges()) {
                    store.commit();
                }
            }
        }
    }
}
