package dev.studybuddy.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@NotificationSagaIT
class ServiceHealthIT {

    @LocalServerPort
    int port;

    @Test
    void healthShowsEveryBackingServiceUp() {
        Http.Reply health = Http.on(port).get("/actuator/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().path("status").asText()).isEqualTo("UP");
        JsonNode components = health.body().path("components");
        for (String component : new String[] {"db", "mongo", "rabbit", "redis"}) {
            assertThat(components.path(component).path("status").asText())
                    .as(component)
                    .isEqualTo("UP");
        }
    }

    @Test
    void healthNeedsNoToken() {
        assertThat(Http.on(port).get("/actuator/health/liveness").status()).isEqualTo(200);
    }
}
