package dev.studybuddy.platform.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a failure to reach the database (refused, timed out waiting for a pooled connection, connection
 * lost) from every other failure: the first deserves "try again shortly", the others are bugs or refusals.
 */
public final class DatabaseOutages {

    /** SQLSTATE class 08: connection exception. */
    private static final String CONNECTION_EXCEPTION = "08";

    private DatabaseOutages() {}

    public static boolean causedBy(Throwable failure) {
        return CauseChain.anyMatch(
                failure,
                cause -> cause instanceof DataAccessResourceFailureException
                        || cause instanceof CannotCreateTransactionException
                        || cause instanceof SQLTransientConnectionException
                        || cause instanceof SQLNonTransientConnectionException
                        || cause instanceof SQLException sql
                                && sql.getSQLState() != null
                                && sql.getSQLState().startsWith(CONNECTION_EXCEPTION));
    }
}
