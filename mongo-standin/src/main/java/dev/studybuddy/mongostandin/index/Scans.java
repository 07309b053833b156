package dev.studybuddy.mongostandin.index;

import de.bwaldvogel.mongo.bson.Document;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says which queries no index serves, once per collection and shape of query, when the collection is big enough for
 * a scan to cost: the way to find the query that makes a large store slow (the scan itself is mongo-java-server's).
 */
final class Scans {

    static final int WORTH_REPORTING = 1_000;

    private static final Logger log = LoggerFactory.getLogger(Scans.class);
    private static final Set<String> reported = ConcurrentHashMap.newKeySet();

    private Scans() {}

    static void report(WalkableCollection<?> collection, Document query, Document orderBy) {
        String shape = collection.name() + " " + shape(query) + " sort " + shape(orderBy);
        if (reported.contains(shape)) {
            return;
        }
        int documents = collection.documentCount();
        if (documents >= WORTH_REPORTING && reported.add(shape)) {
            log.warn("no index serves {} on {} documents: scanning", shape, documents);
        }
    }

    /** The query's fields and operators without its values, so that one log line stands for every such query. */
    static Object shape(Object value) {
        if (value instanceof Document document) {
            Document shape = new Document();
            for (Map.Entry<String, Object> field : document.entrySet()) {
                shape.put(
                        field.getKey(),
                        field.getValue() instanceof Document || field.getValue() instanceof java.util.List<?>
                                ? shape(field.getValue())
                                : "?");
            }
            return shape;
        }
        if (value instanceof java.util.List<?> list) {
            return list.stream().map(Scans::shape).distinct().toList();
        }
        return value == null ? "{}" : "?";
    }
}
