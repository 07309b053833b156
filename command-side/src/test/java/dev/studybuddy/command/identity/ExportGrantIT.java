package dev.studybuddy.command.identity;

import static dev.studybuddy.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.studybuddy.command.support.Accounts;
import dev.studybuddy.command.support.CommandSideIT;
import dev.studybuddy.testing.ApiClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The export grant query-side's account export reads with (docs/adr/0017): issued for the caller's own access
 * token, it reads the caller's address and sessions, nothing else, never writes, and dies with its session.
 */
@CommandSideIT
class ExportGrantIT {

    private static final String GRANT = "/api/users/me/export-grant";

    @LocalServerPort
    int port;

    @Test
    void aGrantReadsTheCallersAddressAndSessionsAndOutlivesTheAccessToken() throws Exception {
        Accounts.SignedInUser user = Accounts.signedIn(port, "grant");

        ApiClient.Response issued = user.api().post(GRANT, null);

        assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
        String grant = issued.json().get("grant").asText();
        JsonNode claims = claims(grant);
        assertThat(claims.get("sub").asText()).isEqualTo(user.id().toString());
        assertThat(claims.get("scope").asText()).isEqualTo("export");
        assertThat(claims.get("roles")).isEmpty();
        assertThat(Instant.ofEpochSecond(claims.get("exp").asLong()))
                .as("longer than an export may stream (10 min)")
                .isAfter(Instant.now().plus(Duration.ofMinutes(14)));
        assertThat(Instant.parse(issued.json().get("expiresAt").asText()).getEpochSecond())
                .isEqualTo(claims.get("exp").asLong());
        ApiClient withGrant = ApiClient.on(port).withToken(grant);
        ApiClient.Response sessions = withGrant.get("/api/users/me/sessions");
        assertThat(sessions.status()).as(sessions.toString()).isEqualTo(200);
        assertThat(sessions.json()).hasSize(1);
        assertThat(sessions.json().get(0).get("current").asBoolean())
                .as("the grant's session is the token's")
                .isTrue();
        ApiClient.Response address = withGrant.get("/api/users/me/email");
        assertThat(address.status()).as(address.toString()).isIn(200, 404);
    }

    @Test
    void aGrantWritesNothingAndCannotAskForAnother() {
        Accounts.SignedInUser user = Accounts.signedIn(port, "grantro");
        String grant = user.api().post(GRANT, null).json().get("grant").asText();
        ApiClient withGrant = ApiClient.on(port).withToken(grant);
        String session =
                user.api().get("/api/users/me/sessions").json().get(0).get("id").asText();

        assertProblem(withGrant.post(GRANT, null), 403, "FORBIDDEN");
        assertProblem(withGrant.patch("/api/users/me", Map.of("bio", "from a grant")), 403, "FORBIDDEN");
        assertProblem(withGrant.delete("/api/users/me/sessions/" + session), 403, "FORBIDDEN");
        assertProblem(withGrant.post("/api/auth/logout-all", null), 403, "FORBIDDEN");
        assertProblem(withGrant.get("/api/users/me/sessions/" + UUID.randomUUID()), 403, "FORBIDDEN");
        assertThat(user.api().get("/api/users/me/sessions").json())
                .as("the session is still there")
                .hasSize(1);
    }

    @Test
    void endingTheSessionEndsItsGrant() throws InterruptedException {
        Accounts.SignedInUser user = Accounts.signedIn(port, "grantend");
        String grant = user.api().post(GRANT, null).json().get("grant").asText();
        ApiClient withGrant = ApiClient.on(port).withToken(grant);
        assertThat(withGrant.get("/api/users/me/sessions").status()).isEqualTo(200);

        assertThat(user.api().post("/api/auth/logout-all", null).status()).isEqualTo(204);

        long deadline = System.nanoTime() + 1_000_000_000L;
        ApiClient.Response response = withGrant.get("/api/users/me/sessions");
        while (response.status() != 401 && System.nanoTime() < deadline) {
            Thread.sleep(50);
            response = withGrant.get("/api/users/me/sessions");
        }
        assertProblem(response, 401, "UNAUTHENTICATED");
    }

    @Test
    void withoutATokenThereIsNoGrant() {
        assertProblem(ApiClient.on(port).post(GRANT, null), 401, "UNAUTHENTICATED");
    }

    private static JsonNode claims(String jwt) throws Exception {
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }
}
