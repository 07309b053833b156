package dev.studybuddy.notification.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studybuddy.api.friendship.DirectMessageSentEvent;
import dev.studybuddy.api.friendship.FriendshipId;
import dev.studybuddy.api.membership.NotificationLevel;
import dev.studybuddy.api.user.PlatformRole;
import dev.studybuddy.api.user.UserErasedEvent;
import dev.studybuddy.api.user.UserRegisteredEvent;
import dev.studybuddy.notification.NotificationSagaIT;
import dev.studybuddy.notification.recipients.Recipients;
import dev.studybuddy.notification.support.DomainEvents;
import dev.studybuddy.notification.support.Groups;
import dev.studybuddy.notification.support.LogQueries;
import dev.studybuddy.platform.personaldata.PersonalDataKeys;
import dev.studybuddy.testing.scenarios.GroupDecisions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** What notification-saga holds of an erased user (docs/adr/0019): address, names, and the texts in the log. */
@NotificationSagaIT
class NotificationErasureIT {

    @Autowired
    EventStore eventStore;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Recipients recipients;

    @Autowired
    PersonalDataKeys keys;

    @Test
    void theLogKeepsIdsAndTimesButNothingTheErasedUserWroteOrWasCalled() {
        DomainEvents events = new DomainEvents(eventStore, processing);
        LogQueries log = new LogQueries(jdbc);
        String marker = UUID.randomUUID().toString().substring(0, 8);
        UUID author = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        UUID friend = UUID.randomUUID();
        events.publish(
                DomainEvents.USER_ACCOUNT,
                author.toString(),
                new UserRegisteredEvent(author, "author_" + marker, "Author " + marker, Set.of(PlatformRole.USER)));
        for (UUID user : List.of(author, member, friend)) {
            log.addContact(user, "erasure-" + user + "@example.test");
        }
        UUID group = Groups.create(
                events, recipients, friend, Map.of(author, NotificationLevel.ALL, member, NotificationLevel.ALL));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> recipients.displayName(author).isPresent());
        Groups.write(
                events,
                group,
                GroupDecisions.post(
                        group, UUID.randomUUID(), author, "@member see " + marker, null, List.of(member), List.of()));
        String pair = FriendshipId.of(friend, author);
        events.publish(
                DomainEvents.FRIENDSHIP,
                pair,
                new DirectMessageSentEvent(
                        pair, UUID.randomUUID(), friend, author, "to you " + marker, null, List.of()));
        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        !log.rowsOf(member).isEmpty() && !log.rowsOf(author).isEmpty());
        assertThat(log.rowsOf(member))
                .allSatisfy(row -> assertThat(row.get("payload")).asString().contains(marker));

        keys.destroy(author);
        events.publish(DomainEvents.USER_ACCOUNT, author.toString(), new UserErasedEvent(author));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(log.rowsOf(member))
                    .isNotEmpty()
                    .allSatisfy(row -> assertThat(row.get("payload"))
                            .asString()
                            .doesNotContain(marker)
                            .contains(author.toString()));
            assertThat(log.rowsOf(author)).isNotEmpty().allSatisfy(row -> {
                assertThat(row.get("payload")).asString().isEqualTo("{}");
                // a delivery retried after the erasure may fail again and say so by id; never with what they wrote
                // or were called, nor with their address
                if (row.get("last_error") != null) {
                    assertThat(row.get("last_error"))
                            .asString()
                            .doesNotContain(marker)
                            .doesNotContain("erasure-" + author);
                }
            });
            assertThat(jdbc.queryForObject(
                            "SELECT email FROM notification_contacts WHERE user_id = ?", String.class, author))
                    .isNull();
            assertThat(jdbc.queryForList(
                            "SELECT username, display_name FROM recipient_users WHERE user_id = ?", author))
                    .allSatisfy(row -> assertThat(row.values()).containsOnlyNulls());
        });
        assertThat(jdbc.queryForObject(
                        "SELECT email FROM notification_contacts WHERE user_id = ?", String.class, member))
                .isNotNull();
    }
}
