package dev.studybuddy.query.export;

import com.fasterxml.jackson.databind.JsonNode;
import dev.studybuddy.platform.web.CursorPage;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriBuilder;

/**
 * The caller's notification inbox, which notification-saga keeps: read over HTTP page by page with the
 * export grant ({@link CallerGrant}), the caller's own, so that notification-saga decides what the caller may see
 * as it does for its inbox, and a later page does not depend on the caller's access token still being valid. Any failure (not reachable, too slow, not 200) is {@link NotAnswering}.
 */
@Component
class NotificationInbox {

    private static final String SERVICE = "notification-saga";

    private final RestClient http;
    private final int pageSize;

    NotificationInbox(ExportProperties properties, RestClient.Builder builder) {
        this.http = ServiceCalls.to(properties.notificationSagaUrl(), properties.callTimeout(), builder);
        this.pageSize = properties.notificationPageSize();
    }

    /**
     * One page of the inbox, newest first, as notification-saga answers it (its {@link CursorPage}).
     *
     * @param cursor the previous page's {@code nextCursor}; null for the newest notifications
     */
    CursorPage<JsonNode> page(String grant, String cursor) {
        JsonNode body;
        try {
            body = http.get()
                    .uri(uri -> page(uri, cursor))
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + grant)
                    .accept(MediaType.APPLICATION_JSON)
                    .retrieve()
                    .body(JsonNode.class);
        } catch (RestClientException e) {
            throw new NotAnswering(SERVICE, e);
        }
        if (body == null || !body.path("items").isArray()) {
            throw new NotAnswering(SERVICE, new IllegalStateException("no page in its answer"));
        }
        List<JsonNode> items = new ArrayList<>();
        body.get("items").forEach(items::add);
        JsonNode next = body.path("nextCursor");
        return new CursorPage<>(items, next.isTextual() ? next.asText() : null);
    }

    private URI page(UriBuilder uri, String cursor) {
        uri.path("/api/notifications").queryParam("limit", pageSize);
        if (cursor == null) {
            return uri.build();
        }
        // as a variable, so that it is encoded strictly: a '+' in it must not arrive as a space
        return uri.queryParam("cursor", "{cursor}").build(cursor);
    }
}
