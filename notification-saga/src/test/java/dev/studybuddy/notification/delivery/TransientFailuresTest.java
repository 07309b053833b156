package dev.studybuddy.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.CannotCreateTransactionException;

class TransientFailuresTest {

    @Test
    void postgreSqlAwayOrSlowIsTransient() {
        assertThat(TransientFailures.isTransient(new CannotGetJdbcConnectionException(
                        "no connection", new SQLTransientConnectionException("pool timed out"))))
                .isTrue();
        assertThat(TransientFailures.isTransient(
                        new CannotCreateTransactionException("begin failed", new SQLException("I/O error", "08006"))))
                .isTrue();
        assertThat(TransientFailures.isTransient(new QueryTimeoutException("statement timeout")))
                .isTrue();
        assertThat(TransientFailures.isTransient(new UncategorizedSQLException(
                        "update",
                        "UPDATE …",
                        new SQLException("terminating connection due to administrator command", "57P01"))))
                .isTrue();
        assertThat(TransientFailures.isTransient(new RetryScheduling.NotHandedBack("no confirm")))
                .isTrue();
    }

    @Test
    void aBrokenRowOrABugIsNot() {
        assertThat(TransientFailures.isTransient(new IllegalStateException("Unreadable payload")))
                .isFalse();
        assertThat(TransientFailures.isTransient(
                        new DataIntegrityViolationException("constraint", new SQLException("duplicate key", "23505"))))
                .isFalse();
        assertThat(TransientFailures.isTransient(
                        new UncategorizedSQLException("select", "SELECT …", new SQLException("syntax error", "42601"))))
                .isFalse();
    }
}
