package dev.studybuddy.notification.log;

import dev.studybuddy.notification.NotificationSagaIT;
import dev.studybuddy.testing.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Prometheus sees how many notifications stand in each status. */
@NotificationSagaIT
class NotificationMetricsIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void notificationsByStatusAreExported() {
        double deadBefore = dead();
        NotificationRows rows = new NotificationRows(jdbc);
        for (int i = 0; i < 3; i++) {
            rows.insert(LogRow.inApp(UUID.randomUUID(), Instant.now()).delivery(DeliveryStatus.DEAD, 5, "gave up"));
        }
        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> assertThat(dead()).isEqualTo(deadBefore + 3));
        assertThat(scrape()).contains(NotificationMetrics.NAME + "{").contains("status=\"DELIVERED\"");
    }

    private double dead() {
        Matcher matcher = Pattern.compile("(?m)^" + NotificationMetrics.NAME + "\\{[^}]*status=\"DEAD\"[^}]*} ([0-9.eE+-]+)$")
                .matcher(scrape());
        assertThat(matcher.find()).as("a DEAD gauge in the scrape").isTrue();
        return Double.parseDouble(matcher.group(1));
    }

    private String scrape() {
        ApiClient.Response response = ApiClient.on(port).get("/actuator/prometheus");
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }
}
