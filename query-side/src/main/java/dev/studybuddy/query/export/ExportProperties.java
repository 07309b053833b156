package dev.studybuddy.query.export;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How {@code GET /api/users/me/export} reads what it streams (docs/adr/0017-account-export.md).
 *
 * @param notificationSagaUrl    where notification-saga answers {@code GET /api/notifications} (the inbox, read page
 *                               by page) and {@code GET /api/notifications/preferences}
 * @param commandSideUrl         where command-side answers {@code POST /api/users/me/export-grant} (the grant the
 *                               other parts are read with), {@code GET /api/users/me/email} and
 *                               {@code GET /api/users/me/sessions}: only identity holds the address and the sessions
 * @param pageSize               rows read from a read model at a time (and the Mongo cursor's batch size)
 * @param notificationPageSize   notifications asked for at a time (notification-saga answers at most 200)
 * @param callTimeout            how long a call to either (a page of notifications, the address) may take to
 *                               connect, and then to answer
 * @param rateLimit              exports one user may start, across all query-side nodes
 */
@ConfigurationProperties("studybuddy.export")
record ExportProperties(
        @DefaultValue("http://127.0.0.1:8083") URI notificationSagaUrl,
        @DefaultValue("http://127.0.0.1:8081") URI commandSideUrl,
        @DefaultValue("500") int pageSize,
        @DefaultValue("200") int notificationPageSize,
        @DefaultValue("10s") Duration callTimeout,
        @DefaultValue RateLimit rateLimit) {

    /** At most {@code exports} started in any {@code per}. */
    record RateLimit(
            @DefaultValue("3") int exports,
            @DefaultValue("1h") Duration per) {

        RateLimit {
            if (exports < 1 || per.isNegative() || per.isZero()) {
                throw new IllegalArgumentException(
                        "studybuddy.export.rate-limit needs exports >= 1 and a positive per");
            }
        }
    }
}
