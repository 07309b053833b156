package dev.studybuddy.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studybuddy.api.group.GroupVisibility;
import dev.studybuddy.api.group.JoinPolicy;
import dev.studybuddy.query.support.Chats;
import dev.studybuddy.query.support.Groups;
import dev.studybuddy.query.support.QuerySideIT;
import dev.studybuddy.query.support.StompClients;
import dev.studybuddy.query.support.StompClients.Client;
import dev.studybuddy.query.support.UserAccounts;
import dev.studybuddy.testing.ApiClient;
import dev.studybuddy.testing.PrometheusScrape;
import dev.studybuddy.testing.TestTokenIssuer;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The probes and {@code /actuator/prometheus} as the orchestrator and Prometheus see them (README "Metrics"). */
@QuerySideIT
class MetricsIT {

    private static final String SESSIONS = "studybuddy_websocket_sessions";
    private static final String PUBLISHED = "studybuddy_fanout_published_total";
    private static final String RECEIVED = "studybuddy_fanout_received_total";
    private static final String GROUP_KIND = "kind=\"group\"";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Groups groups;

    @Autowired
    Chats chats;

    @Test
    void livenessAndReadinessAnswerUpWithoutAToken() {
        for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
            ApiClient.Response response = ApiClient.on(port).get(probe);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.json().get("status").asText()).isEqualTo("UP");
        }
    }

    @Test
    void theSessionsGaugeCountsAnOpenStompSessionUntilItCloses() throws Exception {
        double before = PrometheusScrape.of(port).value(SESSIONS);

        try (Client client = StompClients.connected(port, TestTokenIssuer.get().accessToken(UUID.randomUUID()))) {
            assertThat(client.isConnected()).isTrue();
            await().atMost(PATIENCE).until(() -> PrometheusScrape.of(port).value(SESSIONS) == before + 1);
        }

        await().atMost(PATIENCE).until(() -> PrometheusScrape.of(port).value(SESSIONS) == before);
    }

    @Test
    void aChatMessageIsCountedAsPublishedToRedisAndReceivedBack() {
        UUID owner = UUID.randomUUID();
        UUID groupId = groups.create(
                        owner, "Metered " + UUID.randomUUID(), GroupVisibility.PRIVATE, JoinPolicy.OPEN, 10)
                .groupId();
        PrometheusScrape before = PrometheusScrape.of(port);

        chats.post(groupId, owner, "counted once on the way out, once on the way in");

        await().atMost(PATIENCE).untilAsserted(() -> {
            PrometheusScrape after = PrometheusScrape.of(port);
            assertThat(after.sum(PUBLISHED, GROUP_KIND)).isGreaterThan(before.sum(PUBLISHED, GROUP_KIND));
            assertThat(after.sum(RECEIVED, GROUP_KIND)).isGreaterThan(before.sum(RECEIVED, GROUP_KIND));
        });
    }

    @Test
    void theUsersProcessorReportsItsLagAndAxonsMetersOnceCaughtUp() {
        UserAccounts.Registered registered = accounts.register(UserAccounts.uniqueUsername("metered"), "Metered");
        accounts.awaitProjected("users", registered.token());

        await().atMost(PATIENCE).untilAsserted(() -> {
            PrometheusScrape scrape = PrometheusScrape.of(port);
            assertThat(scrape.value("studybuddy_event_processor_lag_seconds", "processor=\"users\""))
                    .isBetween(0.0, 1.0);
            assertThat(scrape.sum(
                            "eventProcessor_successCounter_total",
                            "processorName=\"users\"",
                            "payloadType=\"UserRegisteredEvent\""))
                    .isGreaterThanOrEqualTo(1);
        });
    }

    /** Every processor has its failed-batch counter from the start, so that a rate of it has a series to read. */
    @Test
    void everyProcessorsFailedBatchesAreCountedFromTheStart() {
        PrometheusScrape scrape = PrometheusScrape.of(port);

        assertThat(scrape.byLabel("studybuddy_processor_batches_failed_total", "processor"))
                .containsKeys("users", "groups", "chat", "message-search");
    }
}
