package dev.studybuddy.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studybuddy.command.support.Accounts;
import dev.studybuddy.command.support.Accounts.SignedInUser;
import dev.studybuddy.command.support.CommandSideIT;
import dev.studybuddy.platform.metrics.CachingMetricRegistry;
import dev.studybuddy.testing.ApiClient;
import dev.studybuddy.testing.PrometheusScrape;
import java.time.Duration;
import java.util.Map;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.ObservationFilterChainDecorator;
import org.springframework.test.util.ReflectionTestUtils;

/** The probes and {@code /actuator/prometheus} as the orchestrator and Prometheus see them (README "Metrics"). */
@CommandSideIT
class MetricsIT {

    private static final String SUCCEEDED = "commandBus_successCounter_total";
    private static final String FAILED = "commandBus_failureCounter_total";
    private static final String LAG = "studybuddy_event_processor_lag_seconds";

    @LocalServerPort
    int port;

    @Autowired
    FilterChainProxy securityFilterChain;

    @Autowired
    GlobalMetricRegistry axonMetrics;

    @Test
    void livenessAndReadinessAnswerUpWithoutAToken() {
        for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
            ApiClient.Response response = ApiClient.on(port).get(probe);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.json().get("status").asText()).isEqualTo("UP");
        }
    }

    @Test
    void commandsHandledAndFailedAreCountedPerCommandType() {
        PrometheusScrape before = PrometheusScrape.of(port);
        SignedInUser ann = Accounts.signedIn(port, "metrics");
        SignedInUser ben = Accounts.signedIn(port, "metrics");
        Map<String, String> toBen = Map.of("userId", ben.id().toString());
        assertThat(ann.api().post("/api/friends/requests", toBen).status()).isEqualTo(201);
        assertThat(ann.api().post("/api/friends/requests", toBen).status()).isEqualTo(409);

        PrometheusScrape after = PrometheusScrape.of(port);
        String register = "payloadType=\"RegisterUserCommand\"";
        String friendRequest = "payloadType=\"SendFriendRequestCommand\"";
        assertThat(after.sum(SUCCEEDED, register) - before.sum(SUCCEEDED, register))
                .isGreaterThanOrEqualTo(2);
        assertThat(after.sum(SUCCEEDED, friendRequest) - before.sum(SUCCEEDED, friendRequest))
                .isGreaterThanOrEqualTo(1);
        assertThat(after.sum(FAILED, friendRequest) - before.sum(FAILED, friendRequest))
                .isGreaterThanOrEqualTo(1);
        assertThat(after.has("commandBus_successTimer_seconds_count", register)).isTrue();
        assertThat(after.has("eventProcessor_ingestedCounter_total", "processorName=\"identity\""))
                .isTrue();
        assertThat(after.has("eventProcessor_latency", "processorName=\"identity\""))
                .isTrue();
        assertThat(axonMetrics).as("Axon's meters, each looked up once").isInstanceOf(CachingMetricRegistry.class);
    }

    @Test
    void springSecurityObservesNothingAndLeavesItsFilterChainUndecorated() {
        SignedInUser ann = Accounts.signedIn(port, "observed");
        assertThat(ann.api().get("/api/users/me/email").status()).isEqualTo(200);

        PrometheusScrape scrape = PrometheusScrape.of(port);
        assertThat(scrape.has("http_server_requests_seconds_count", "uri=\"/api/users/me/email\""))
                .isTrue();
        assertThat(scrape.samples()).noneMatch(sample -> sample.startsWith("spring_security_"));
        assertThat(ReflectionTestUtils.getField(securityFilterChain, "filterChainDecorator"))
                .isNotInstanceOf(ObservationFilterChainDecorator.class);
    }

    @Test
    void everyProcessorReportsItsLagWhichFallsToZeroOnceCaughtUp() {
        Accounts.signedIn(port, "lagging");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            PrometheusScrape scrape = PrometheusScrape.of(port);
            for (String processor : new String[] {"identity", "membership-seats", "owner-succession"}) {
                double lag = scrape.value(LAG, "processor=\"" + processor + "\"");
                assertThat(lag).as(processor).isBetween(0.0, 1.0);
            }
        });
    }
}
