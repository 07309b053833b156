package dev.studybuddy.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/** PostgreSQL's refusal of a NUL in the client's text is the client's error, answered as one. */
class UnstorableTextTest {

    final ApiExceptionHandler handler = new ApiExceptionHandler(
            new ServiceUnavailable(Duration.ofSeconds(5)),
            new ProblemWriter(Jackson2ObjectMapperBuilder.json().build()));

    @Test
    void aNulThePostgreSqlDriverRefusesIs400() {
        SQLException refused = new SQLException("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00", "22021");

        ResponseEntity<ProblemDetail> response =
                handler.unexpected(new DataIntegrityViolationException("could not execute statement", refused));

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody().getProperties()).containsEntry("code", "VALIDATION_FAILED");
        assertThat(response.getBody().getDetail()).doesNotContain("UTF8").doesNotContain("0x00");
    }

    @Test
    void aTimeBeyondTheYear9999IsTheClientsToo() {
        SQLException refused = new SQLException("ERROR: timestamp out of range: \"+300000-01-01\"", "22008");

        ResponseEntity<ProblemDetail> response =
                handler.unexpected(new DataIntegrityViolationException("could not execute statement", refused));

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody().getProperties()).containsEntry("code", "VALIDATION_FAILED");
    }

    @Test
    void anyOtherRefusalOfTheDatabaseStaysOurs() {
        SQLException other = new SQLException("ERROR: division by zero", "22012");

        ResponseEntity<ProblemDetail> response =
                handler.unexpected(new DataIntegrityViolationException("could not execute statement", other));

        assertThat(response.getStatusCode().value()).isEqualTo(500);
        assertThat(response.getBody().getProperties()).containsEntry("code", "INTERNAL_ERROR");
    }
}
