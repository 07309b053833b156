package dev.studybuddy.platform.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Optimistic savepoints against the local PostgreSQL: no savepoint while handlers succeed; a failure fails the whole
 * transaction and makes the handlers run in savepoints from then on, where a failing handler's writes are undone
 * and the transaction goes on; later, optimistic again.
 */
class SavepointsIT {

    private static final String SERVER =
            System.getenv().getOrDefault("TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String USER = System.getenv().getOrDefault("TEST_POSTGRES_USER", "postgres");

    private final AtomicInteger savepointsTaken = new AtomicInteger();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-03T12:00:00Z"));
    private SingleConnectionDataSource connection;
    private DataSource counting;
    private JdbcTemplate jdbc;
    private TransactionTemplate transactions;

    @BeforeEach
    void connect() throws Exception {
        connection = new SingleConnectionDataSource(SERVER + "postgres", USER, "", true);
        Connection target = connection.getConnection();
        Connection proxy = (Connection) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {Connection.class}, (self, method, args) -> {
                    if (method.getName().equals("setSavepoint")) {
                        savepointsTaken.incrementAndGet();
                    }
                    try {
                        return method.invoke(target, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        counting = new SingleConnectionDataSource(proxy, true); // the one connection outlives each transaction
        jdbc = new JdbcTemplate(counting);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(counting));
        jdbc.execute("CREATE TEMP TABLE IF NOT EXISTS savepoints_it (id int primary key)");
        jdbc.execute("TRUNCATE savepoints_it");
    }

    @AfterEach
    void disconnect() {
        connection.destroy();
    }

    @Test
    void handlersRunWithoutSavepointsUntilOneFailsThenInSavepointsForAWhile() {
        Savepoints savepoints = new Savepoints(provider(counting), true, clock());

        transactions.executeWithoutResult(status -> {
            insertInHandler(savepoints, 1);
            insertInHandler(savepoints, 2);
        });
        assertThat(savepointsTaken)
                .as("no savepoint while every handler succeeds")
                .hasValue(0);
        assertThat(ids()).containsExactly(1, 2);

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
                    insertInHandler(savepoints, 3);
                    insertInHandler(savepoints, 1); // a duplicate key: PostgreSQL refuses the rest of the transaction
                    insertInHandler(savepoints, 4);
                }))
                .as("a failure without a savepoint fails the whole batch")
                .isInstanceOf(Savepoints.RetryWithSavepoints.class);
        assertThat(ids()).as("nothing of the failed batch is written").containsExactly(1, 2);

        now.set(now.get().plusSeconds(2)); // the processor's retry
        transactions.executeWithoutResult(status -> {
            insertInHandler(savepoints, 3);
            assertThatThrownBy(() -> insertInHandler(savepoints, 1))
                    .as("in a savepoint the handler's own failure is thrown as it is, for the processor to park")
                    .isNotInstanceOf(Savepoints.RetryWithSavepoints.class);
            insertInHandler(savepoints, 4);
        });
        assertThat(ids()).as("the retry writes what did not fail").containsExactly(1, 2, 3, 4);
        assertThat(savepointsTaken).as("one savepoint per handler in the retry").hasValue(3);

        now.set(now.get().plus(Savepoints.CAREFUL_FOR));
        transactions.executeWithoutResult(status -> insertInHandler(savepoints, 5));
        assertThat(savepointsTaken)
                .as("optimistic again once the careful time is over")
                .hasValue(3);
        assertThat(ids()).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void alwaysTakesASavepointForEveryHandler() {
        Savepoints savepoints = new Savepoints(provider(counting), false, clock());

        transactions.executeWithoutResult(status -> {
            insertInHandler(savepoints, 1);
            assertThatThrownBy(() -> insertInHandler(savepoints, 1))
                    .isNotInstanceOf(Savepoints.RetryWithSavepoints.class);
            insertInHandler(savepoints, 2);
        });

        assertThat(savepointsTaken).hasValue(3);
        assertThat(ids()).containsExactly(1, 2);
    }

    private void insertInHandler(Savepoints savepoints, int id) {
        try {
            savepoints.around(() -> jdbc.update("INSERT INTO savepoints_it (id) VALUES (?)", id));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Integer> ids() {
        return jdbc.queryForList("SELECT id FROM savepoints_it ORDER BY id", Integer.class);
    }

    private Clock clock() {
        return new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
    }

    private static org.springframework.beans.factory.ObjectProvider<DataSource> provider(DataSource dataSource) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("dataSource", dataSource);
        return beans.getBeanProvider(DataSource.class);
    }
}
