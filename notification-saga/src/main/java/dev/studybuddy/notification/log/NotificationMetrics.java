package dev.studybuddy.notification.log;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code studybuddy_notifications{status=...}}: how many NotificationLog rows stand in each status, from
 * one grouped count at most every {@link #FRESHNESS}, however often Prometheus scrapes.
 */
@Component
class NotificationMetrics implements MeterBinder {

    static final String NAME = "studybuddy_notifications";
    private static final Duration FRESHNESS = Duration.ofSeconds(10);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private Map<DeliveryStatus, Long> counts = new EnumMap<>(DeliveryStatus.class);
    private Instant countedAt = Instant.MIN;

    NotificationMetrics(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (DeliveryStatus status : DeliveryStatus.values()) {
            Gauge.builder(NAME, this, metrics -> metrics.count(status))
                    .description("NotificationLog rows by delivery status")
                    .tag("status", status.name())
                    .register(registry);
        }
    }

    private synchronized double count(DeliveryStatus status) {
        Instant now = clock.instant();
        if (countedAt.plus(FRESHNESS).isBefore(now)) {
            Map<DeliveryStatus, Long> fresh = new EnumMap<>(DeliveryStatus.class);
            jdbc.query("SELECT status, count(*) AS n FROM notification_log GROUP BY status", row -> {
                fresh.put(DeliveryStatus.valueOf(row.getString("status")), row.getLong("n"));
            });
            counts = fresh;
            countedAt = now;
        }
        return counts.getOrDefault(status, 0L);
    }
}
