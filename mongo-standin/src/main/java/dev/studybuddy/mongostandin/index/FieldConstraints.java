package dev.studybuddy.mongostandin.index;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a query demands of single fields, as far as an index can use it: equality with a scalar, or a range of
 * numbers, strings or dates. Read from the query's top level and its {@code $and}s; everything else ({@code $or},
 * {@code $ne}, {@code $nin}, ...) is left to the matcher, which checks every document an index walk yields.
 */
final class FieldConstraints {

    private final Map<String, Constraint> byField = new HashMap<>();

    private FieldConstraints() {}

    static FieldConstraints of(Document query) {
        FieldConstraints constraints = new FieldConstraints();
        constraints.read(query);
        return constraints;
    }

    Constraint on(String field) {
        return byField.get(field);
    }

    boolean isEmpty() {
        return byField.isEmpty();
    }

    private void read(Document query) {
        fieldConditions(query).forEach(clause -> readField(clause.getKey(), clause.getValue()));
    }

    /** The query's conditions on fields: at its top and in its top-level {@code $and}s, as far down as they go. */
    static List<Map.Entry<String, Object>> fieldConditions(Document query) {
        List<Map.Entry<String, Object>> conditions = new ArrayList<>();
        for (Map.Entry<String, Object> clause : query.entrySet()) {
            if (clause.getKey().equals("$and") && clause.getValue() instanceof List<?> parts) {
                parts.stream()
                        .filter(Document.class::isInstance)
                        .map(Document.class::cast)
                        .forEach(part -> conditions.addAll(fieldConditions(part)));
            } else if (!clause.getKey().startsWith("$")) {
                conditions.add(clause);
            }
        }
        return conditions;
    }

    private void readField(String field, Object condition) {
        if (condition instanceof Document operators && isOperatorDocument(operators)) {
            for (Map.Entry<String, Object> operator : operators.entrySet()) {
                Object operand = operator.getValue();
                switch (operator.getKey()) {
                    case "$eq" -> equality(field, operand);
                    case "$gt" -> lower(field, operand, false);
                    case "$gte" -> lower(field, operand, true);
                    case "$lt" -> upper(field, operand, false);
                    case "$lte" -> upper(field, operand, true);
                    default -> {
                        // not an index bound: the matcher decides
                    }
                }
            }
        } else {
            equality(field, condition);
        }
    }

    private static boolean isOperatorDocument(Document document) {
        return !document.isEmpty() && document.keySet().stream().allMatch(key -> key.startsWith("$"));
    }

    private void equality(String field, Object value) {
        if (isScalar(value)) {
            constraint(field).equal(value);
        }
    }

    private void lower(String field, Object value, boolean inclusive) {
        if (Bracket.of(value) != null) {
            constraint(field).lower(value, inclusive);
        }
    }

    private void upper(String field, Object value, boolean inclusive) {
        if (Bracket.of(value) != null) {
            constraint(field).upper(value, inclusive);
        }
    }

    private Constraint constraint(String field) {
        return byField.computeIfAbsent(field, ignored -> new Constraint());
    }

    /** A value equality on it can be looked up: not null or missing (that matches absent fields too), no array, document or pattern. */
    static boolean isScalar(Object value) {
        return Missing.isNeitherNullNorMissing(value)
                && !(value instanceof Collection)
                && !(value instanceof Map)
                && !(value instanceof Pattern)
                && !(value instanceof Double d && d.isNaN());
    }

    /** The kinds of values a range can be walked for: MongoDB compares a range only within one kind. */
    enum Bracket {
        NUMBER,
        STRING,
        DATE;

        static Bracket of(Object value) {
            if (value instanceof Number number && !Double.isNaN(number.doubleValue())) {
                return NUMBER;
            }
            if (value instanceof String) {
                return STRING;
            }
            if (value instanceof Instant) {
                return DATE;
            }
            return null;
        }

        boolean holds(Object value) {
            return switch (this) {
                case NUMBER -> value instanceof Number;
                case STRING -> value instanceof String;
                case DATE -> value instanceof Instant;
            };
        }

        /** The lowest value of the kind (inclusive), or null where there is none. */
        Object lowest() {
            return switch (this) {
                case NUMBER -> Double.NEGATIVE_INFINITY;
                case STRING -> "";
                case DATE -> Instant.MIN;
            };
        }

        /** The highest value of the kind (inclusive), or null where there is none (strings). */
        Object highest() {
            return switch (this) {
                case NUMBER -> Double.POSITIVE_INFINITY;
                case STRING -> null;
                case DATE -> Instant.MAX;
            };
        }
    }

    /** One field's demands; a second bound on the same side keeps the tighter one. */
    static final class Constraint {
        private Object equal;
        private Object lower;
        private boolean lowerInclusive;
        private Object upper;
        private boolean upperInclusive;

        Object equal() {
            return equal;
        }

        Object lower() {
            return lower;
        }

        boolean lowerInclusive() {
            return lowerInclusive;
        }

        Object upper() {
            return upper;
        }

        boolean upperInclusive() {
            return upperInclusive;
        }

        boolean hasRange() {
            return rangeBracket() != null;
        }

        /** The kind of the range's bounds, or null if there is no range or its bounds are of different kinds. */
        Bracket rangeBracket() {
            Bracket low = lower == null ? null : Bracket.of(lower);
            Bracket high = upper == null ? null : Bracket.of(upper);
            if (low != null && high != null) {
                return low == high ? low : null;
            }
            return low != null ? low : high;
        }

        private void equal(Object value) {
            if (equal == null) {
                equal = value;
            }
        }

        private void lower(Object value, boolean inclusive) {
            int cmp = lower == null ? 1 : IndexEntry.compareValues(value, lower);
            if (lower == null || (Bracket.of(value) == Bracket.of(lower) && (cmp > 0 || (cmp == 0 && !inclusive)))) {
                lower = value;
                lowerInclusive = inclusive;
            }
        }

        private void upper(Object value, boolean inclusive) {
            int cmp = upper == null ? -1 : IndexEntry.compareValues(value, upper);
            if (upper == null || (Bracket.of(value) == Bracket.of(upper) && (cmp < 0 || (cmp == 0 && !inclusive)))) {
                upper = value;
                upperInclusive = inclusive;
            }
        }
    }
}
