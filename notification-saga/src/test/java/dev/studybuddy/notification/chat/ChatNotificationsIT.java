package dev.studybuddy.notification.chat;

import static dev.studybuddy.notification.support.Groups.channelsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studybuddy.api.friendship.DirectMessageSentEvent;
import dev.studybuddy.api.friendship.FriendshipId;
import dev.studybuddy.api.membership.NotificationLevel;
import dev.studybuddy.notification.NotificationSagaIT;
import dev.studybuddy.notification.recipients.Recipients;
import dev.studybuddy.notification.support.DomainEvents;
import dev.studybuddy.notification.support.Groups;
import dev.studybuddy.notification.support.LogQueries;
import dev.studybuddy.testing.scenarios.GroupDecisions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/** Mentions respect the member's level; e-mail for chat only while the recipient is not reading the conversation. */
@NotificationSagaIT
class ChatNotificationsIT {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Recipients recipients;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    DomainEvents events;

    @Autowired
    LogQueries log;

    @Test
    void aMentionNotifiesMembersAtAllOrMentionsButNotThoseAtNone() {
        UUID author = UUID.randomUUID();
        UUID atAll = UUID.randomUUID();
        UUID atMentions = UUID.randomUUID();
        UUID atNone = UUID.randomUUID();
        UUID bystander = UUID.randomUUID();
        for (UUID user : List.of(atAll, atMentions, atNone, bystander)) {
            log.addContact(user, "mention-" + user + "@example.test");
        }
        UUID group = Groups.create(
                events,
                recipients,
                author,
                Map.of(
                        atAll,
                        NotificationLevel.ALL,
                        atMentions,
                        NotificationLevel.MENTIONS,
                        atNone,
                        NotificationLevel.NONE,
                        bystander,
                        NotificationLevel.ALL));

        Groups.write(
                events,
                group,
                GroupDecisions.post(
                        group,
                        UUID.randomUUID(),
                        author,
                        "@all @mentions @none: see page 12",
                        null,
                        List.of(atAll, atMentions, atNone),
                        List.of()));

        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        log.rowsOf(atAll).size() == 2 && log.rowsOf(atMentions).size() == 2);
        for (UUID notified : List.of(atAll, atMentions)) {
            assertThat(channelsOf(log.rowsOf(notified))).containsExactly("EMAIL", "IN_APP");
            assertThat(log.rowsOf(notified)).allSatisfy(row -> {
                assertThat(row.get("type")).isEqualTo("group.message.mention");
                assertThat(row.get("payload"))
                        .asString()
                        .contains("see page 12")
                        .contains(author.toString());
            });
        }
        // the same event's decisions commit together, so these are final
        assertThat(log.rowsOf(atNone)).as("muted").isEmpty();
        assertThat(log.rowsOf(bystander))
                .as("a plain message notifies nobody, even at ALL")
                .isEmpty();
        assertThat(log.rowsOf(author)).isEmpty();
    }

    @Test
    void aDirectMessageIsMailedOnlyWhileItsRecipientIsNotReadingTheConversation() {
        UUID sender = UUID.randomUUID();
        UUID away = UUID.randomUUID();
        UUID reading = UUID.randomUUID();
        UUID readingAllDirect = UUID.randomUUID();
        for (UUID user : List.of(away, reading, readingAllDirect)) {
            log.addContact(user, "dm-" + user + "@example.test");
        }
        markPresent(reading, "direct:" + FriendshipId.of(sender, reading));
        markPresent(readingAllDirect, "direct:*");

        for (UUID recipient : List.of(away, reading, readingAllDirect)) {
            String friendship = FriendshipId.of(sender, recipient);
            events.publish(
                    DomainEvents.FRIENDSHIP,
                    friendship,
                    new DirectMessageSentEvent(
                            friendship,
                            UUID.randomUUID(),
                            sender,
                            recipient,
                            "are you coming tonight?",
                            null,
                            List.of()));
        }

        await().atMost(Duration.ofSeconds(60))
                .until(() -> log.rowsOf(away).size() == 2
                        && !log.rowsOf(reading).isEmpty()
                        && !log.rowsOf(readingAllDirect).isEmpty());
        assertThat(channelsOf(log.rowsOf(away))).as("presence key absent").containsExactly("EMAIL", "IN_APP");
        assertThat(channelsOf(log.rowsOf(reading)))
                .as("reading this conversation")
                .containsExactly("IN_APP");
        assertThat(channelsOf(log.rowsOf(readingAllDirect))).containsExactly("IN_APP");
        assertThat(log.rowsOf(away)).allSatisfy(row -> {
            assertThat(row.get("type")).isEqualTo("direct-message.received");
            assertThat(row.get("payload"))
                    .asString()
                    .contains("are you coming tonight?")
                    .contains("direct:" + FriendshipId.of(sender, away));
        });
    }

    @Test
    void presenceInAnotherConversationDoesNotCount() {
        UUID sender = UUID.randomUUID();
        UUID recipient = UUID.randomUUID();
        log.addContact(recipient, "dm-" + recipient + "@example.test");
        markPresent(recipient, "group:" + UUID.randomUUID());
        String friendship = FriendshipId.of(sender, recipient);

        events.publish(
                DomainEvents.FRIENDSHIP,
                friendship,
                new DirectMessageSentEvent(friendship, UUID.randomUUID(), sender, recipient, "hi", null, List.of()));

        await().atMost(Duration.ofSeconds(60)).until(() -> log.rowsOf(recipient).size() == 2);
        assertThat(channelsOf(log.rowsOf(recipient))).containsExactly("EMAIL", "IN_APP");
    }

    /** What a query-side node will write (README, "Presence"): a set of conversation ids with a TTL. */
    private void markPresent(UUID user, String conversationId) {
        String key = "studybuddy:presence:" + user;
        redis.opsForSet().add(key, conversationId);
        redis.expire(key, Duration.ofMinutes(5));
    }
}
