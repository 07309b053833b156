package dev.studybuddy.mongostandin.h2;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

import java.util.Locale;
import java.util.Set;

/**
 * mongo-java-server's H2 backend with sorted indexes (see the module's README) and durable writes: a command's
 * answer leaves only after what it changed is committed to the file, so a write acknowledged to a client survives
 * the stand-in being killed. (H2Backend alone commits in the background about once a second.) Writers that finish
 * while a commit runs are written by the next one together ({@link GroupCommits}), and their answers wait in their
 * channels ({@link CommitGate}), not on the event loops, which go on serving every other connection meanwhile. A
 * command known only to read answers at once, as MongoDB answers a read with what it holds whether or not its
 * journal has it yet: making reads wait for other clients' commits made every tracking poll and aggregate load
 * queue behind the writers.
 */
public class IndexedH2Backend extends H2Backend {

    /** Commands that change nothing; anything else (including a command this list does not know) is committed. */
    private static final Set<String> READ_ONLY = Set.of("find", "getmore", "count", "distinct", "listcollections",
            "listindexes", "listdatabases", "ismaster", "hello", "ping", "buildinfo", "serverstatus", "killcursors",
            "endsessions", "dbstats", "collstats", "whatsmyuri", "getparameter", "getlog", "hostinfo",
            "connectionstatus", "getlasterror", "getfreemonitoringstatus", "getcmdlineopts", "saslstart");

    private final GroupCommits commits;

    public IndexedH2Backend(String fileName) {
        super(new MVStore.Builder().fileName(fileName).autoCommitDisabled().open());
        commits = newGroupCommits(getMvStore());
    }

    /** Overridable so that a test can hold commits up. */
    GroupCommits newGroupCommits(MVStore store) {
        return new GroupCommits(store);
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
            if (!readsOnly(command, query)) {
                answerOnceCommitted(channel);
            }
        }
    }

    private static boolean readsOnly(String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        if (name.equals("aggregate")) {
            String pipeline = String.valueOf(query.get("pipeline"));
            return !pipeline.contains("$out") && !pipeline.contains("$merge");
        }
        return READ_ONLY.contains(name);
    }

    private void answerOnceCommitted(Channel channel) {
        long ticket = commits.writeFinished();
        if (channel != null && channel.eventLoop().inEventLoop()) {
            CommitGate.holdAnswersFor(channel, commits, ticket);
        } else {
            commits.awaitCommitted(ticket);
        }
    }

    @Override
    public void close() {
        commits.close();
        super.close();
    }
}
