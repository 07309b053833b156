package dev.studybuddy.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import org.axonframework.commandhandling.CommandExecutionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

/** A write the database refused because another got there first changed nothing: 409, try again, not 500. */
class ConcurrentWritesTest {

    final ApiExceptionHandler handler = new ApiExceptionHandler(
            new ServiceUnavailable(Duration.ofSeconds(5)),
            new ProblemWriter(Jackson2ObjectMapperBuilder.json().build()));

    @Test
    void aDeadlockPostgreSqlBrokeIs409EvenInsideACommandsFailure() {
        SQLException deadlock = new SQLException("ERROR: deadlock detected", "40P01");

        ResponseEntity<ProblemDetail> response = handler.unexpected(new CommandExecutionException(
                "handler failed", new CannotAcquireLockException("could not execute statement", deadlock)));

        assertConflict(response);
        assertThat(response.getBody().getDetail()).doesNotContain("deadlock");
    }

    @Test
    void aSerializationFailureAndARowChangedUnderAnOptimisticWriteAre409() {
        assertConflict(handler.unexpected(
                new RuntimeException(new SQLException("ERROR: could not serialize access", "40001"))));
        assertConflict(handler.unexpected(new ObjectOptimisticLockingFailureException("SignInSession", "f00d")));
    }

    @Test
    void otherRefusalsStayOurs() {
        ResponseEntity<ProblemDetail> response =
                handler.unexpected(new RuntimeException(new SQLException("ERROR: division by zero", "22012")));

        assertThat(response.getStatusCode().value()).isEqualTo(500);
    }

    private static void assertConflict(ResponseEntity<ProblemDetail> response) {
        assertThat(response.getStatusCode().value()).isEqualTo(409);
        assertThat(response.getBody().getProperties()).containsEntry("code", "CONFLICT");
    }
}
