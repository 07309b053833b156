package dev.studybuddy.platform.deadletter;

import java.sql.Connection;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs one event handler inside a savepoint of the processor's transaction. When the handler fails,
 * only its own writes are undone, and PostgreSQL, which refuses every statement of a transaction after
 * an error, accepts the statements that follow: the dead letter that parks the event and the token that
 * moves past it.
 * <p>
 * <b>Optimistic</b> (the default, {@code studybuddy.processors.savepoints=optimistic}): a savepoint costs two round
 * trips to PostgreSQL per handler and event, and was a sixth of the CPU of the services' processors (README
 * "Benchmarks"), for failures that hardly ever happen. So handlers run without one until one fails. That failure
 * fails the whole batch ({@link RetryWithSavepoints}: nothing of it is written, nothing is parked), and for the next
 * {@link #CAREFUL_FOR} every handler of the service runs in a savepoint again, so the processor's retry of the batch
 * parks the failing event and writes the rest. A retry of a parked event always runs in a savepoint.
 * {@code always} takes a savepoint for every handler.
 * <p>
 * Handlers write through JDBC, never JPA: Hibernate marks the whole transaction rollback-only when a
 * flush fails, which no savepoint undoes, so the batch would fail at commit again and again.
 */
public class Savepoints {

    /** Long enough for the processor's retry of a failed batch (its back-off stays under a minute). */
    static final Duration CAREFUL_FOR = Duration.ofMinutes(5);

    private static final Logger log = LoggerFactory.getLogger(Savepoints.class);

    private final ObjectProvider<DataSource> dataSources;
    private final boolean optimistic;
    private final Clock clock;
    private volatile DataSource dataSource;
    private volatile Instant carefulUntil = Instant.MIN;

    /** Looked up when the first handler runs: handler enhancers are built before most beans. */
    public Savepoints(ObjectProvider<DataSource> dataSources, boolean optimistic) {
        this(dataSources, optimistic, Clock.systemUTC());
    }

    Savepoints(ObjectProvider<DataSource> dataSources, boolean optimistic, Clock clock) {
        this.dataSources = dataSources;
        this.optimistic = optimistic;
        this.clock = clock;
    }

    public Object around(Callable<Object> handler) throws Exception {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            return handler.call();
        }
        if (optimistic && !careful()) {
            return withoutSavepoint(handler);
        }
        DataSource source = dataSource();
        Connection connection = DataSourceUtils.getConnection(source);
        try {
            if (connection.getAutoCommit()) {
                return handler.call();
            }
            Savepoint savepoint = connection.setSavepoint();
            Object result;
            try {
                result = handler.call();
            } catch (Exception | Error failure) {
                connection.rollback(savepoint);
                throw failure;
            }
            connection.releaseSavepoint(savepoint);
            return result;
        } finally {
            DataSourceUtils.releaseConnection(connection, source);
        }
    }

    private Object withoutSavepoint(Callable<Object> handler) throws Exception {
        try {
            return handler.call();
        } catch (Exception failure) {
            carefulUntil = clock.instant().plus(CAREFUL_FOR);
            log.info(
                    "An event handler failed without a savepoint; its batch is retried, and every handler runs in a"
                            + " savepoint until {}: {}",
                    carefulUntil,
                    failure.toString());
            throw new RetryWithSavepoints(failure);
        }
    }

    private boolean careful() {
        return clock.instant().isBefore(carefulUntil) || ParkedInUnitOfWork.retryingParkedEvent();
    }

    /** Resolved once: {@link ObjectProvider#getObject()} resolves the dependency again on every call. */
    private DataSource dataSource() {
        DataSource source = dataSource;
        if (source == null) {
            source = dataSources.getObject();
            dataSource = source;
        }
        return source;
    }

    /**
     * A handler failed outside a savepoint: its batch must not commit (its writes may be half done, and PostgreSQL
     * may refuse the transaction's next statements). The batch fails and is retried, with savepoints.
     */
    public static class RetryWithSavepoints extends RuntimeException {
        RetryWithSavepoints(Throwable cause) {
            super("an event handler failed without a savepoint; the batch is retried with savepoints: " + cause, cause);
        }
    }
}
