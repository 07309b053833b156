package dev.studybuddy.mongostandin.index;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The {@code {field: {$nin: [strings]}}} conditions of a query, decided with a hash set instead of
 * mongo-java-server's matcher, which compares a document's value with every listed value and normalizes both for
 * each comparison. Axon's tracking poll sends exactly that condition, with every event id seen in the last second
 * ({@code eventIdentifier $nin [...]}), so each document a poll reads used to cost a comparison per known id; MongoDB
 * itself keeps such a list in a set.
 * <p>
 * Only a condition at the top of the query or in a top-level {@code $and}, on a plain field (no dots), whose only
 * operator is {@code $nin} and whose values are all strings, is taken out; {@link #remaining()} is the query without
 * it, for the matcher. A document whose value is a string or missing is decided here; any other value (an array, a
 * number) by the matcher with the original condition, so the answer is always the matcher's. Where the walked index
 * keys such a field, an entry whose key there is a listed string is left out before its document is read
 * ({@link #keysAdmit}): MongoDB too applies a condition on an indexed field to the keys before it fetches.
 */
final class NotInSets {

    private static final String AND = "$and";
    private static final String NOT_IN = "$nin";

    private final Document remaining;
    private final List<NotIn> conditions;

    private record NotIn(String field, Set<String> values, Document condition) {}

    private NotInSets(Document remaining, List<NotIn> conditions) {
        this.remaining = remaining;
        this.conditions = conditions;
    }

    static NotInSets of(Document query) {
        List<NotIn> conditions = new ArrayList<>();
        Document remaining = new Document();
        for (Map.Entry<String, Object> entry : query.entrySet()) {
            if (AND.equals(entry.getKey()) && entry.getValue() instanceof List<?> parts) {
                List<Object> kept = new ArrayList<>();
                for (Object part : parts) {
                    NotIn notIn = part instanceof Document document && document.size() == 1
                            ? notIn(
                                    document.keySet().iterator().next(),
                                    document.values().iterator().next())
                            : null;
                    if (notIn == null) {
                        kept.add(part);
                    } else {
                        conditions.add(notIn);
                    }
                }
                if (!kept.isEmpty()) {
                    remaining.put(AND, kept);
                }
                continue;
            }
            NotIn notIn = notIn(entry.getKey(), entry.getValue());
            if (notIn == null) {
                remaining.put(entry.getKey(), entry.getValue());
            } else {
                conditions.add(notIn);
            }
        }
        return new NotInSets(conditions.isEmpty() ? query : remaining, conditions);
    }

    private static NotIn notIn(String field, Object condition) {
        if (field.startsWith("$")
                || field.contains(".")
                || !(condition instanceof Document operators)
                || operators.size() != 1
                || !(operators.get(NOT_IN) instanceof Collection<?> listed)) {
            return null;
        }
        Set<String> values = new HashSet<>();
        for (Object value : listed) {
            if (!(value instanceof String text)) {
                return null;
            }
            values.add(text);
        }
        return new NotIn(field, values, new Document(field, condition));
    }

    /** The fields of the conditions decided here. */
    Set<String> fields() {
        return conditions.stream().map(NotIn::field).collect(Collectors.toSet());
    }

    /**
     * False for an entry of an index with these keys whose value for a condition's field is one of its strings: its
     * document fails that condition (for an array, the entry is one of its elements, and an array holding a listed
     * value fails too). True for every other entry, whose document is then checked whole.
     */
    Predicate<IndexEntry> keysAdmit(List<IndexKey> keys) {
        List<Predicate<IndexEntry>> checks = new ArrayList<>();
        for (NotIn notIn : conditions) {
            for (int i = 0; i < keys.size(); i++) {
                if (keys.get(i).getKey().equals(notIn.field())) {
                    int field = i;
                    checks.add(entry -> !(entry.values()[field] instanceof String text)
                            || !notIn.values().contains(text));
                }
            }
        }
        return checks.stream().reduce(Predicate::and).orElse(null);
    }

    /** The query without the conditions decided here. */
    Document remaining() {
        return remaining;
    }

    /** Whether the document passes every condition decided here; {@code matcher} checks the values this cannot. */
    boolean admits(Document document, BiPredicate<Document, Document> matcher) {
        for (NotIn notIn : conditions) {
            Object value = document.get(notIn.field());
            boolean admitted = value instanceof String text
                    ? !notIn.values().contains(text)
                    : value == null && !document.containsKey(notIn.field())
                            || matcher.test(document, notIn.condition());
            if (!admitted) {
                return false;
            }
        }
        return true;
    }
}
