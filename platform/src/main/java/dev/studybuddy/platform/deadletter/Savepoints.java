package dev.studybuddy.platform.deadletter;

import java.sql.Connection;
import java.sql.Savepoint;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs one event handler inside a savepoint of the processor's transaction. When the handler fails,
 * only its own writes are undone, and PostgreSQL, which refuses every statement of a transaction after
 * an error, accepts the statements that follow: the dead letter that parks the event and the token that
 * moves past it.
 * <p>
 * Handlers write through JDBC, never JPA: Hibernate marks the whole transaction rollback-only when a
 * flush fails, which no savepoint undoes, so the batch would fail at commit again and again.
 */
public class Savepoints {

    private final ObjectProvider<DataSource> dataSources;

    /** Looked up when the first handler runs: handler enhancers are built before most beans. */
    public Savepoints(ObjectProvider<DataSource> dataSources) {
        this.dataSources = dataSources;
    }

    public Object around(Callable<Object> handler) throws Exception {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            return handler.call();
        }
        DataSource dataSource = dataSources.getObject();
        Connection connection = DataSourceUtils.getConnection(dataSource);
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
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
