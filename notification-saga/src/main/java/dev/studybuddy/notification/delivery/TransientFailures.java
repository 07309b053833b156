package dev.studybuddy.notification.delivery;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import org.springframework.amqp.AmqpException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether an error that kept a worker from recording a delivery's outcome will likely pass by itself (PostgreSQL
 * or RabbitMQ unreachable, restarting, timing out, a lock or serialization conflict), as opposed to one that
 * will not (a broken row, a bug). Spring's own exception families first, then, anywhere in the causes, the JDBC
 * ones and the SQL states of PostgreSQL's driver, which reports a lost connection as a plain {@link SQLException}.
 */
final class TransientFailures {

    /** SQL state classes: connection exception, insufficient resources, operator intervention, transaction rollback. */
    private static final Set<String> TRANSIENT_STATE_CLASSES = Set.of("08", "53", "57", "40");

    private TransientFailures() {}

    static boolean isTransient(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof TransientDataAccessException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof RecoverableDataAccessException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof TransactionSystemException
                    || cause instanceof RetryScheduling.NotHandedBack
                    || cause instanceof AmqpException
                    || cause instanceof SQLTransientException
                    || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().length() >= 2
                    && TRANSIENT_STATE_CLASSES.contains(sql.getSQLState().substring(0, 2))) {
                return true;
            }
        }
        return false;
    }
}
