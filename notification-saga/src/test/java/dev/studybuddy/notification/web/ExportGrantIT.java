package dev.studybuddy.notification.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studybuddy.notification.Http;
import dev.studybuddy.notification.NotificationSagaIT;
import dev.studybuddy.testing.TestTokenIssuer;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An export grant (docs/adr/0017), as command-side issues one for query-side's account export: it reads the caller's
 * inbox and notification preferences here, and nothing else.
 */
@NotificationSagaIT
class ExportGrantIT {

    @LocalServerPort
    int port;

    @Test
    void aGrantReadsTheInboxAndThePreferencesOnly() {
        UUID user = UUID.randomUUID();
        Http withGrant = Http.on(port).as(grantFor(user));

        assertThat(withGrant.get("/api/notifications?limit=2").status()).isEqualTo(200);
        assertThat(withGrant
                        .get("/api/notifications/preferences")
                        .body()
                        .path("email")
                        .isObject())
                .isTrue();

        assertForbidden(withGrant.put("/api/notifications/preferences", "{\"email\": {}}"));
        assertForbidden(withGrant.post("/api/notifications/read-all"));
        assertForbidden(withGrant.post("/api/notifications/" + UUID.randomUUID() + "/read"));
        assertForbidden(withGrant.get("/api/audit/notifications"));
    }

    private static void assertForbidden(Http.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
        assertThat(reply.code()).isEqualTo("FORBIDDEN");
    }

    private static String grantFor(UUID user) {
        TestTokenIssuer issuer = TestTokenIssuer.get();
        return issuer.sign(issuer.claims(user)
                .claim("roles", List.of())
                .claim("scope", "export")
                .build());
    }
}
