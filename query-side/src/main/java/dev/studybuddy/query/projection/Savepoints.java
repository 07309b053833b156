package dev.studybuddy.query.projection;

import org.axonframework.messaging.InterceptorChain;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Savepoint;

/**
 * Runs one event handler inside a savepoint of the processor's transaction. When the handler fails,
 * only its own writes are undone, and PostgreSQL, which refuses every statement of a transaction after
 * an error, accepts the statements that follow: the dead letter that parks the event and the token that
 * moves past it.
 */
@Component
public class Savepoints {

    private final DataSource dataSource;

    Savepoints(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Object around(InterceptorChain chain) throws Exception {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            if (connection.getAutoCommit()) {
                return chain.proceed();
            }
            Savepoint savepoint = connection.setSavepoint();
            Object result;
            try {
                result = chain.proceed();
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
