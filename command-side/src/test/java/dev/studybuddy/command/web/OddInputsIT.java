package dev.studybuddy.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.studybuddy.command.support.Accounts;
import dev.studybuddy.command.support.CommandSideIT;
import dev.studybuddy.testing.ApiClient;
import dev.studybuddy.testing.OddInputs;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * No input a client can send makes command-side answer a 5xx, a 4xx that is not a problem, or a body naming Java's
 * insides: every operation of its OpenAPI description, with odd path values, odd field values and bodies that are not
 * JSON ({@link OddInputs}).
 */
@CommandSideIT
class OddInputsIT {

    /** They would end the caller's sessions midway. */
    private static final Set<String> SESSION_ENDING =
            Set.of("POST /api/auth/sign-out-everywhere", "POST /api/auth/logout-all");

    @LocalServerPort
    int port;

    @Test
    void everyOperationAnswersOddInputWithAProblemNeverA5xx() {
        ApiClient caller = Accounts.signedIn(port, "odd").api();
        JsonNode openApi = ApiClient.on(port).get("/v3/api-docs").json();
        // each request from an address of its own (the edge's X-Forwarded-For, believed from 127.0.0.1), so that the
        // limits per address, shared with the other tests of this context, never fill
        AtomicInteger addresses = new AtomicInteger();

        OddInputs.Report report = OddInputs.probe(
                () -> caller.withHeader("X-Forwarded-For", address(addresses.incrementAndGet())),
                openApi,
                SESSION_ENDING::contains);

        assertThat(report.findings()).isEmpty();
        assertThat(report.requests()).as("requests sent").isGreaterThan(1_000);
    }

    private static String address(int n) {
        return "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
    }
}
