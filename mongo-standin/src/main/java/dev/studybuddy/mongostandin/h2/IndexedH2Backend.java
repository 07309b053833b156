package dev.studybuddy.mongostandin.h2;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import dev.studybuddy.mongostandin.status.OpCounters;
import dev.studybuddy.mongostandin.status.QueryExecutorMetrics;
import io.netty.channel.Channel;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend with sorted indexes (see the module's README) and durable writes: a command's
 * answer leaves only after what it changed is committed to the file, so a write acknowledged to a client survives
 * the stand-in being killed. (H2Backend alone commits in the background about once a second.) Writers that arrive
 * while a commit runs are written by the next one together: one commit serves them all. A command known only to
 * read answers at once, as MongoDB answers a read with what it holds whether or not its journal has it yet: making
 * reads wait for other clients' commits made every tracking poll and aggregate load queue behind the writers.
 */
public class IndexedH2Backend extends H2Backend {

    /** Commands that change nothing; anything else (including a command this list does not know) is committed. */
    private static final Set<String> READ_ONLY = Set.of(
            "find",
            "getmore",
            "count",
            "distinct",
            "listcollections",
            "listindexes",
            "listdatabases",
            "ismaster",
            "hello",
            "ping",
            "buildinfo",
            "serverstatus",
            "killcursors",
            "endsessions",
            "dbstats",
            "collstats",
            "whatsmyuri",
            "getparameter",
            "getlog",
            "hostinfo",
            "connectionstatus",
            "getlasterror",
            "getfreemonitoringstatus",
            "getcmdlineopts",
            "saslstart");

    private final OpCounters opCounters = new OpCounters();
    private final QueryExecutorMetrics queryExecutorMetrics = new QueryExecutorMetrics();
    private final Object commitLock = new Object();
    private final AtomicLong writesFinished = new AtomicLong();
    private long committedThrough;
    private boolean committing;

    /**
     * The page cache, as large as WiredTiger's smallest (MongoDB takes half of the memory above 1 GB, at least
     * 256 MB): with MVStore's default of 16 MB a replay of a 10,000-event history read and deserialized most pages
     * from the file again, two fifths of the stand-in's samples.
     */
    public static final int DEFAULT_CACHE_MEGABYTES = 256;

    public IndexedH2Backend(String fileName) {
        this(fileName, DEFAULT_CACHE_MEGABYTES);
    }

    /**
     * @param cacheMegabytes the size of MVStore's page cache, as WiredTiger's cache is MongoDB's: the pages (and the
     *                       documents in them, already deserialized) a read finds without touching the file
     */
    public IndexedH2Backend(String fileName, int cacheMegabytes) {
        super(open(fileName, cacheMegabytes));
    }

    /**
     * How long MVStore keeps a chunk it no longer needs before reusing its space. A query walks the pages of the
     * version it started on; once a chunk of that version is reused, the walk fails ("Chunk … not found"). MVStore's
     * default of 45 s ended a full scan of a busy 1,000,000-event store (the growth benchmark's count of it); MongoDB
     * lets a long query go on.
     */
    static final int RETENTION_MILLIS = 10 * 60 * 1000;

    /**
     * MVStore rewrites chunks in the background while less than this share of the file is live data (its default is
     * 90%). Every rewrite reads the chunk's documents back and deserializes them: under a steady stream of small
     * updates, as the views get, its background writer took more CPU than the commands did in a 1,000,000-event store.
     * Compacting only a file that is more than half garbage keeps it at most about twice its live data.
     */
    static final int AUTO_COMPACT_FILL_RATE = 50;

    private static MVStore open(String fileName, int cacheMegabytes) {
        MVStore store = new MVStore.Builder()
                .fileName(fileName)
                .cacheSize(cacheMegabytes)
                .autoCompactFillRate(AUTO_COMPACT_FILL_RATE)
                .open();
        store.setRetentionTime(RETENTION_MILLIS);
        return store;
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new IndexedH2Database(databaseName, getMvStore(), getCursorRegistry(), queryExecutorMetrics);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        opCounters.count(command, query);
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } finally {
            if (!readsOnly(command, query)) {
                commitChanges();
            }
        }
    }

    @Override
    public Document getServerStatus() {
        return queryExecutorMetrics.addTo(opCounters.addTo(super.getServerStatus()));
    }

    private static boolean readsOnly(String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        if (name.equals("aggregate")) {
            String pipeline = String.valueOf(query.get("pipeline"));
            return !pipeline.contains("$out") && !pipeline.contains("$merge");
        }
        return READ_ONLY.contains(name);
    }

    /**
     * Returns once every change made before the call is committed. One writer at a time commits, for every writer
     * whose command finished before that commit began; the others wait for it. Re-checking only "are there unsaved
     * changes?" made each waiting writer commit again under steady load (someone always had written since), so
     * commits queued one per write.
     */
    protected void commitChanges() {
        long ticket = writesFinished.incrementAndGet();
        synchronized (commitLock) {
            while (committing && committedThrough < ticket) {
                waitForCommit();
            }
            if (committedThrough >= ticket) {
                return;
            }
            committing = true;
        }
        long covered = writesFinished.get();
        try {
            MVStore store = getMvStore();
            if (store.hasUnsavedChanges()) {
                store.commit();
            }
        } finally {
            synchronized (commitLock) {
                committing = false;
                committedThrough = Math.max(committedThrough, covered);
                commitLock.notifyAll();
            }
        }
    }

    private void waitForCommit() {
        try {
            commitLock.wait();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a commit", interrupted);
        }
    }
}
