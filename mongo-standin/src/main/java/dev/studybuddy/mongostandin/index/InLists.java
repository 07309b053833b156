package dev.studybuddy.mongostandin.index;

import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A query's {@code {field: {$in: [values]}}}, read as MongoDB's planner reads it: one point of the index per listed
 * value. {@link IndexPlan} bounds an index by one equality or range per field, so
 * {@code {conversationId: c, messageId: {$in: [50 ids]}}} walked every message of the conversation; here each listed
 * value makes a query of its own for the planner (the whole query, and the value as an equality on its field), and
 * {@link IndexWalk} walks the union of those plans where each bounds more of its index than the plan of the whole
 * query does. The documents found are still checked against the whole query.
 * <p>
 * Only the first such condition at the top of the query or in a top-level {@code $and}, with at most
 * {@link #MOST_VALUES} values, all of them scalars: {@code null} also matches a missing field, and an array, a
 * document or a pattern matches otherwise than an equality does, so a list holding one is left to the walk of the
 * whole query (or the scan).
 */
final class InLists {

    static final int MOST_VALUES = 1000;

    private static final String AND = "$and";
    private static final String IN = "$in";

    private InLists() {}

    /** The query with each distinct listed value as an equality on its field; empty if it has no such condition. */
    static List<Document> pointQueries(Document query) {
        for (Map.Entry<String, Object> clause : FieldConstraints.fieldConditions(query)) {
            Set<Object> values = scalarsIn(clause.getValue());
            if (!values.isEmpty()) {
                List<Document> points = new ArrayList<>();
                for (Object value : values) {
                    points.add(new Document(AND, List.of(query, new Document(clause.getKey(), value))));
                }
                return points;
            }
        }
        return List.of();
    }

    private static Set<Object> scalarsIn(Object condition) {
        if (!(condition instanceof Document operators) || !(operators.get(IN) instanceof Collection<?> listed)) {
            return Set.of();
        }
        if (listed.isEmpty() || listed.size() > MOST_VALUES || !listed.stream().allMatch(FieldConstraints::isScalar)) {
            return Set.of();
        }
        return new LinkedHashSet<>(listed);
    }
}
