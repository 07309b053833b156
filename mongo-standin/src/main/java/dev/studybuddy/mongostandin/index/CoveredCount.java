package dev.studybuddy.mongostandin.index;

import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@code countDocuments} answered from an index alone, as MongoDB's {@code COUNT_SCAN} does: the driver sends it as
 * {@code aggregate [{$match: filter}, {$skip: s}?, {$limit: l}?, {$group: {_id: 1, n: {$sum: 1}}}]}, and where an
 * index's bounds say all the filter says, the entries between them are the answer and no document is read; with a
 * limit, the walk stops after {@code s + l} entries, so that a count capped at {@code l} costs at most that however many
 * documents match. The event store's status counts
 * ({@code timestamp > t}: the events a processor has still to handle) read every one of those documents before, a
 * second time for each segment on every status request: two fifths of the stand-in's work while a replay ran.
 * <p>
 * The filter is covered when each of its conditions (at its top or in a top-level {@code $and}) is one of the plan's
 * bounds: a scalar equality on one of the index's leading fields, or {@code $gt/$gte/$lt/$lte} of the range's kind on
 * the field after them; and the index holds one entry per document (neither multikey nor sparse). Anything else is
 * counted by reading the documents, as before.
 */
final class CoveredCount {

    private static final Set<String> RANGE_OPERATORS = Set.of("$gt", "$gte", "$lt", "$lte");

    private CoveredCount() {}

    /**
     * The one document {@code $group} makes of the count, none for no documents; null where the index cannot tell.
     * {@code plan}: the best plan for {@code match}; the keys read are counted in {@code collection}.
     */
    static <P> List<Document> of(
            IndexPlan<P> plan, Document match, List<Document> stages, WalkableCollection<P> collection) {
        if (stages.isEmpty() || !(stages.get(stages.size() - 1).get("$group") instanceof Document group)) {
            return null;
        }
        Window window = Window.of(stages.subList(0, stages.size() - 1));
        String countField = countField(group);
        if (window == null
                || countField == null
                || plan.index().isMultiKey()
                || plan.index().isSparseIndex()
                || !covers(plan, match)) {
            return null;
        }
        long read = 0;
        for (Iterator<P> positions = IndexWalk.positions(plan, collection);
                read < window.upTo() && positions.hasNext();
                positions.next()) {
            read++;
        }
        long count = Math.max(0, read - window.from());
        return count == 0 ? List.of() : List.of(new Document("_id", group.get("_id")).append(countField, count));
    }

    /** The entries a run of {@code $skip} and {@code $limit} stages keeps: positions in the walk, upTo exclusive. */
    private record Window(long from, long upTo) {

        /** Null for any other stage. */
        static Window of(List<Document> stages) {
            long from = 0;
            long upTo = Long.MAX_VALUE;
            for (Document stage : stages) {
                if (stage.size() != 1 || !(stage.values().iterator().next() instanceof Number number)) {
                    return null;
                }
                long n = number.longValue();
                if (stage.containsKey("$skip") && n >= 0) {
                    from = Math.min(upTo, from + n);
                } else if (stage.containsKey("$limit") && n > 0) {
                    upTo = Math.min(upTo, from + n);
                } else {
                    return null;
                }
            }
            return new Window(from, upTo);
        }
    }

    /** The field of {@code {_id: <constant>, <field>: {$sum: 1}}}, or null for any other group. */
    private static String countField(Document group) {
        Object id = group.get("_id");
        if (group.size() != 2 || id instanceof Document || id instanceof String text && text.startsWith("$")) {
            return null;
        }
        for (Map.Entry<String, Object> field : group.entrySet()) {
            if (!field.getKey().equals("_id")) {
                return field.getValue() instanceof Document sum
                                && sum.size() == 1
                                && sum.get("$sum") instanceof Number one
                                && one.doubleValue() == 1
                        ? field.getKey()
                        : null;
            }
        }
        return null;
    }

    private static boolean covers(IndexPlan<?> plan, Document match) {
        Map<String, Integer> positionOf = new HashMap<>();
        for (int i = 0; i < plan.boundedFields(); i++) {
            positionOf.put(plan.index().getKeys().get(i).getKey(), i);
        }
        List<Map.Entry<String, Object>> clauses = clauses(match);
        if (clauses == null) {
            return false;
        }
        Set<String> equalities = new HashSet<>();
        for (Map.Entry<String, Object> clause : clauses) {
            Integer position = positionOf.get(clause.getKey());
            if (position == null) {
                return false;
            }
            boolean covered = position == plan.rangeField()
                    ? isRange(clause.getValue(), plan.rangeBracket())
                    : isEquality(clause.getValue()) && equalities.add(clause.getKey());
            if (!covered) {
                return false;
            }
        }
        return true;
    }

    /** The filter's conditions, each as (field, condition); null where an {@code $and} holds anything but documents. */
    private static List<Map.Entry<String, Object>> clauses(Document match) {
        List<Map.Entry<String, Object>> clauses = new ArrayList<>();
        for (Map.Entry<String, Object> clause : match.entrySet()) {
            if (clause.getKey().equals("$and") && clause.getValue() instanceof List<?> parts) {
                for (Object part : parts) {
                    List<Map.Entry<String, Object>> inner =
                            part instanceof Document document ? clauses(document) : null;
                    if (inner == null) {
                        return null;
                    }
                    clauses.addAll(inner);
                }
            } else {
                clauses.add(clause);
            }
        }
        return clauses;
    }

    private static boolean isRange(Object condition, FieldConstraints.Bracket bracket) {
        if (bracket == null || !(condition instanceof Document operators) || operators.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, Object> operator : operators.entrySet()) {
            if (!RANGE_OPERATORS.contains(operator.getKey())
                    || FieldConstraints.Bracket.of(operator.getValue()) != bracket) {
                return false;
            }
        }
        return true;
    }

    private static boolean isEquality(Object condition) {
        return FieldConstraints.Bracket.of(condition) != null
                || condition instanceof Boolean
                || condition instanceof UUID;
    }
}
