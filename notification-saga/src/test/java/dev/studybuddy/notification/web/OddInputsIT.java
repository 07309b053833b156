package dev.studybuddy.notification.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studybuddy.notification.NotificationSagaIT;
import dev.studybuddy.testing.OddInputs;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * No input a client can send makes notification-saga answer a 5xx, a 4xx that is not a problem, or a body naming
 * Java's insides: every operation of its OpenAPI description, with odd path values, odd field values and bodies that
 * are not JSON ({@link OddInputs}).
 */
@NotificationSagaIT
class OddInputsIT {

    @LocalServerPort
    int port;

    @Test
    void everyOperationAnswersOddInputWithAProblemNeverA5xx() {
        OddInputs.Report report = OddInputs.probeAsAUser(port);

        assertThat(report.findings()).isEmpty();
        assertThat(report.requests()).as("requests sent").isGreaterThan(100);
    }
}
