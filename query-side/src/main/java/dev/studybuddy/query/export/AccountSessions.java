package dev.studybuddy.query.export;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The caller's sessions (refresh-token families), which only command-side's identity keeps: read from its
 * {@code GET /api/users/me/sessions} with the export grant. Any failure is {@link NotAnswering}.
 */
@Component
class AccountSessions {

    private static final ParameterizedTypeReference<List<Session>> SESSIONS = new ParameterizedTypeReference<>() {};

    private final RestClient http;

    AccountSessions(ExportProperties properties, RestClient.Builder builder) {
        this.http = ServiceCalls.to(properties.commandSideUrl(), properties.callTimeout(), builder);
    }

    List<Session> of(String grant) {
        List<Session> sessions;
        try {
            sessions = http.get()
                    .uri("/api/users/me/sessions")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + grant)
                    .accept(MediaType.APPLICATION_JSON)
                    .retrieve()
                    .body(SESSIONS);
        } catch (RestClientException e) {
            throw new NotAnswering("command-side", e);
        }
        if (sessions == null) {
            throw new NotAnswering("command-side", new IllegalStateException("no sessions in its answer"));
        }
        return sessions;
    }

    /** As command-side lists it; {@code current} is the session the export was asked from. */
    record Session(UUID id, Instant createdAt, Instant lastUsedAt, String userAgent, String address, boolean current) {}
}
