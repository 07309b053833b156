package dev.studybuddy.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studybuddy.query.support.QuerySideIT;
import dev.studybuddy.testing.ApiClient;
import dev.studybuddy.testing.OddInputs;
import dev.studybuddy.testing.TestTokenIssuer;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * No input a client can send makes query-side answer a 5xx, a 4xx that is not a problem, or a body naming Java's
 * insides: every operation of its OpenAPI description, with odd path values, odd field values and bodies that are not
 * JSON ({@link OddInputs}).
 */
@QuerySideIT
class OddInputsIT {

    @LocalServerPort
    int port;

    @Test
    void everyOperationAnswersOddInputWithAProblemNeverA5xx() {
        ApiClient caller = ApiClient.on(port).withToken(TestTokenIssuer.get().accessToken(UUID.randomUUID()));

        OddInputs.Report report = OddInputs.probe(
                () -> caller, ApiClient.on(port).get("/v3/api-docs").json(), operation -> false);

        assertThat(report.findings()).isEmpty();
        assertThat(report.requests()).as("requests sent").isGreaterThan(200);
    }
}
