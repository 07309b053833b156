package dev.studybuddy.query.export;

import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The caller's notification preferences, which notification-saga keeps: read from its
 * {@code GET /api/notifications/preferences} with the export grant. Any failure is {@link NotAnswering}.
 */
@Component
class NotificationSettings {

    private final RestClient http;

    NotificationSettings(ExportProperties properties, RestClient.Builder builder) {
        this.http = ServiceCalls.to(properties.notificationSagaUrl(), properties.callTimeout(), builder);
    }

    Preferences of(String grant) {
        Preferences preferences;
        try {
            preferences = http.get()
                    .uri("/api/notifications/preferences")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + grant)
                    .accept(MediaType.APPLICATION_JSON)
                    .retrieve()
                    .body(Preferences.class);
        } catch (RestClientException e) {
            throw new NotAnswering("notification-saga", e);
        }
        if (preferences == null || preferences.email() == null) {
            throw new NotAnswering("notification-saga", new IllegalStateException("no preferences in its answer"));
        }
        return preferences;
    }

    /** For each notification type, whether it is also sent by e-mail (it is always shown in-app). */
    record Preferences(Map<String, Boolean> email) {}
}
