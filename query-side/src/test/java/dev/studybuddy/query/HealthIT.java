package dev.studybuddy.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.studybuddy.query.support.QuerySideIT;
import dev.studybuddy.testing.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@QuerySideIT
class HealthIT {

    @LocalServerPort
    int port;

    @Test
    void healthShowsPostgresAndMongoUpWithoutAToken() {
        ApiClient.Response response = ApiClient.on(port).get("/actuator/health");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode health = response.json();
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/mongo/status").asText()).isEqualTo("UP");
    }
}
