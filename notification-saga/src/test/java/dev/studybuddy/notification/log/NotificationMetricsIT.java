package dev.studybuddy.notification.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studybuddy.notification.NotificationSagaIT;
import dev.studybuddy.testing.PrometheusScrape;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Prometheus sees how many notifications stand in each status. */
@NotificationSagaIT
class NotificationMetricsIT {

    private static final String DEAD = "status=\"DEAD\"";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void notificationsByStatusAreExported() {
        double deadBefore = PrometheusScrape.of(port).value(NotificationMetrics.NAME, DEAD);
        NotificationRows rows = new NotificationRows(jdbc);
        for (int i = 0; i < 3; i++) {
            rows.insert(LogRow.inApp(UUID.randomUUID(), Instant.now()).delivery(DeliveryStatus.DEAD, 5, "gave up"));
        }
        await().atMost(Duration.ofSeconds(40))
                .untilAsserted(() -> assertThat(PrometheusScrape.of(port).value(NotificationMetrics.NAME, DEAD))
                        .isEqualTo(deadBefore + 3));
        assertThat(PrometheusScrape.of(port).has(NotificationMetrics.NAME, "status=\"DELIVERED\""))
                .isTrue();
    }
}
