package dev.studybuddy.notification.preferences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studybuddy.api.friendship.FriendRequestSentEvent;
import dev.studybuddy.api.friendship.FriendshipId;
import dev.studybuddy.notification.Http;
import dev.studybuddy.notification.NotificationSagaIT;
import dev.studybuddy.notification.support.DomainEvents;
import dev.studybuddy.notification.support.LogQueries;
import dev.studybuddy.testing.TestTokenIssuer;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@NotificationSagaIT
class PreferencesIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DomainEvents events;

    @Autowired
    LogQueries log;

    @Test
    void eMailTurnedOffForATypeMeansNoEmailNotificationOfThatType() {
        UUID user = UUID.randomUUID();
        Http http = Http.on(port).as(TestTokenIssuer.get().accessToken(user));
        assertThat(http.get("/api/notifications/preferences")
                        .body()
                        .path("email")
                        .path("friend-request.received")
                        .asBoolean())
                .isTrue();

        Http.Reply changed =
                http.put("/api/notifications/preferences", "{\"email\": {\"friend-request.received\": false}}");

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body().path("email").path("friend-request.received").asBoolean())
                .isFalse();
        assertThat(http.get("/api/notifications/preferences")
                        .body()
                        .path("email")
                        .path("friend-request.received")
                        .asBoolean())
                .isFalse();

        log.addContact(user, "prefers-no-mail-" + user + "@example.test");
        UUID requester = UUID.randomUUID();
        events.publish(
                DomainEvents.FRIENDSHIP,
                FriendshipId.of(requester, user),
                new FriendRequestSentEvent(FriendshipId.of(requester, user), requester, user));

        await().atMost(Duration.ofSeconds(30)).until(() -> !log.rowsOf(user).isEmpty());
        assertThat(log.rowsOf(user)).extracting(row -> row.get("channel")).containsExactly("IN_APP");
    }

    @Test
    void anUnknownTypeIsRefused() {
        Http http = Http.on(port).as(TestTokenIssuer.get().accessToken(UUID.randomUUID()));

        Http.Reply reply = http.put("/api/notifications/preferences", "{\"email\": {\"no-such-type\": false}}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("VALIDATION_FAILED");
    }
}
