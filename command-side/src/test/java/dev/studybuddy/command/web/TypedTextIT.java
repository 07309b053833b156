package dev.studybuddy.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studybuddy.command.support.Accounts;
import dev.studybuddy.command.support.CommandSideIT;
import dev.studybuddy.testing.ApiClient;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Text people type is refused with 422 naming the field when it is not text a person types (issue 13). */
@CommandSideIT
class TypedTextIT {

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Test
    void aDisplayNameWithANulIsRefusedAndNothingChanges() {
        ApiClient anonymous = ApiClient.on(port);
        String username = Accounts.uniqueUsername("typed");
        UUID userId = Accounts.register(anonymous, username);
        ApiClient me = anonymous.withToken(Accounts.accessToken(anonymous, username));
        long eventsBefore = eventStore.readEvents(userId.toString()).asStream().count();

        ApiClient.Response refused = me.patch("/api/users/me", Map.of("displayName", "nul\u0000byte"));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("code").asText()).isEqualTo("RULE_VIOLATED");
        assertThat(refused.json().get("errors").has("displayName")).isTrue();
        assertThat(eventStore.readEvents(userId.toString()).asStream().count()).isEqualTo(eventsBefore);
    }

    @Test
    void aGroupNameWithABidiOverrideIsRefused() {
        ApiClient anonymous = ApiClient.on(port);
        String username = Accounts.uniqueUsername("typed");
        Accounts.register(anonymous, username);
        ApiClient me = anonymous.withToken(Accounts.accessToken(anonymous, username));

        ApiClient.Response refused = me.post("/api/groups", Map.of("name", "Study \u202Egnp.exe"));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.json().get("errors").has("name")).isTrue();
    }
}
