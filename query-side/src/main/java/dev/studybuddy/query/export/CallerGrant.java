package dev.studybuddy.query.export;

import java.time.Instant;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Trades the caller's access token, while it is still valid, for an export grant from command-side (docs/adr/0017):
 * read-only, the caller's own, and living longer than an export may stream, so that the other services' parts can
 * be read however little was left of the access token when the export began.
 */
@Component
class CallerGrant {

    private final RestClient http;

    CallerGrant(ExportProperties properties, RestClient.Builder builder) {
        this.http = ServiceCalls.to(properties.commandSideUrl(), properties.callTimeout(), builder);
    }

    /** @return the grant's token, to be sent as a bearer token */
    String of(String accessToken) {
        Grant grant;
        try {
            grant = http.post()
                    .uri("/api/users/me/export-grant")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
                    .accept(MediaType.APPLICATION_JSON)
                    .retrieve()
                    .body(Grant.class);
        } catch (RestClientException e) {
            throw new NotAnswering("command-side", e);
        }
        if (grant == null || grant.grant() == null) {
            throw new NotAnswering("command-side", new IllegalStateException("no grant in its answer"));
        }
        return grant.grant();
    }

    record Grant(String grant, Instant expiresAt) {}
}
