package dev.studybuddy.platform.web;

import java.sql.SQLException;
import java.util.Set;
import org.springframework.dao.ConcurrencyFailureException;

/**
 * Tells a write the database refused because another one got there first (a deadlock it broke, a serialization
 * failure, a row changed or deleted under an optimistic write) from other failures: the request changed nothing and
 * may be tried again, so it is the client's conflict (409), not our error. The order of locks is meant to rule
 * deadlocks out (a warning is logged for each, to find the order that was missed).
 */
public final class ConcurrentWrites {

    /** SQLSTATE 40001: serialization_failure; 40P01: deadlock_detected. */
    private static final Set<String> TRY_AGAIN = Set.of("40001", "40P01");

    private ConcurrentWrites() {}

    public static boolean causedBy(Throwable failure) {
        return CauseChain.anyMatch(
                failure,
                cause -> cause instanceof ConcurrencyFailureException
                        || cause instanceof SQLException sql && TRY_AGAIN.contains(sql.getSQLState()));
    }
}
