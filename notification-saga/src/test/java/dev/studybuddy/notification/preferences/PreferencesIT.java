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
import dev.studybuddy.testing.TransactionRaces;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

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

    @Autowired
    PlatformTransactionManager transactions;

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
    void twoChangesNamingTheSameTypesInAnotherOrderWaitForEachOtherInsteadOfDeadlocking() throws Exception {
        UUID user = UUID.randomUUID();
        Http http = Http.on(port).as(TestTokenIssuer.get().accessToken(user));

        Http.Reply changed = new TransactionRaces(transactions, jdbc)
                .requestWhileATransactionHolds(
                        // another change of the same two types, in the types' order
                        () -> store(user, "friend-request.accepted", false),
                        () -> store(user, "friend-request.received", false),
                        () -> http.put(
                                "/api/notifications/preferences",
                                "{\"email\": {\"friend-request.received\": true, \"friend-request.accepted\": true}}"));

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.body().path("email").path("friend-request.accepted").asBoolean())
                .isTrue();
        assertThat(changed.body().path("email").path("friend-request.received").asBoolean())
                .isTrue();
    }

    private void store(UUID user, String type, boolean email) {
        jdbc.update("""
                INSERT INTO notification_preferences (recipient, type, email_enabled, updated_at) VALUES (?, ?, ?, now())
                ON CONFLICT (recipient, type) DO UPDATE SET email_enabled = excluded.email_enabled""", user, type, email);
    }

    @Test
    void anUnknownTypeIsRefused() {
        Http http = Http.on(port).as(TestTokenIssuer.get().accessToken(UUID.randomUUID()));

        Http.Reply reply = http.put("/api/notifications/preferences", "{\"email\": {\"no-such-type\": false}}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("VALIDATION_FAILED");
    }
}
