package dev.studybuddy.mongostandin.status;

import de.bwaldvogel.mongo.bson.Document;
import java.util.Collection;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;

/**
 * MongoDB's {@code serverStatus.opcounters}, which mongo-java-server's {@code serverStatus} leaves out: the operations
 * received since start, counted as MongoDB counts them. An insert command adds one per document, an update or delete
 * command one per statement, {@code find} is a query, {@code getMore} a getmore, and every other command
 * ({@code aggregate} and {@code count} among them) a command. Reading them before and after a load tells how many
 * operations each unit of work cost, whatever the speed of the machine (bench/growth).
 */
public final class OpCounters {

    private final LongAdder insert = new LongAdder();
    private final LongAdder query = new LongAdder();
    private final LongAdder update = new LongAdder();
    private final LongAdder delete = new LongAdder();
    private final LongAdder getmore = new LongAdder();
    private final LongAdder command = new LongAdder();

    public void count(String name, Document request) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "insert" -> insert.add(statements(request.get("documents")));
            case "update" -> update.add(statements(request.get("updates")));
            case "delete" -> delete.add(statements(request.get("deletes")));
            case "find" -> query.increment();
            case "getmore" -> getmore.increment();
            default -> command.increment();
        }
    }

    /** The counters as {@code serverStatus} answers them: 64-bit integers, as MongoDB's are. */
    private Document toDocument() {
        return new Document("insert", insert.sum())
                .append("query", query.sum())
                .append("update", update.sum())
                .append("delete", delete.sum())
                .append("getmore", getmore.sum())
                .append("command", command.sum());
    }

    /** Adds the counters to a {@code serverStatus} answer. */
    public Document addTo(Document serverStatus) {
        serverStatus.put("opcounters", toDocument());
        return serverStatus;
    }

    private static long statements(Object list) {
        return list instanceof Collection<?> statements ? statements.size() : 0;
    }
}
