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
import dev.studybuddy.notification.log.Channel;
import dev.studybuddy.notification.log.DeliveryStatus;
import dev.studybuddy.notification.log.LogRow;
import dev.studybuddy.notification.log.NotificationRows;
import dev.studybuddy.notification.outbox.BrokerProperties;
import dev.studybuddy.notification.recipients.Recipients;
import dev.studybuddy.notification.support.DomainEvents;
import dev.studybuddy.notification.support.Groups;
import dev.studybuddy.notification.support.LocalServiceProxies;
import dev.studybuddy.notification.support.LogQueries;
import dev.studybuddy.platform.personaldata.PersonalDataKeys;
import dev.studybuddy.testing.scenarios.GroupDecisions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** What notification-saga holds of an erased user (docs/adr/0019): address, names, and the texts in the log. */
@NotificationSagaIT
@ExtendWith(OutputCaptureExtension.class)
class NotificationErasureIT {

    /** The header by which a retry names the attempt it retries (the delivery package's RetryScheduling). */
    private static final String FAILED_ATTEMPT = "x-studybuddy-failed-attempt";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Recipients recipients;

    @Autowired
    PersonalDataKeys keys;

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    BrokerProperties broker;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    DomainEvents events;

    @Autowired
    LogQueries log;

    @Test
    void theLogKeepsIdsAndTimesButNothingTheErasedUserWroteOrWasCalled(CapturedOutput output) {
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
                // nothing is tried after the erasure, so no error can be written after it blanked them
                assertThat(row.get("last_error")).isNull();
                assertThat(row.get("status")).isIn("DELIVERED", "DEAD", "CANCELLED");
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
        // nor did this service log what they wrote, were called or their address (the test's own mail server,
        // GreenMail in this JVM, logs each address it makes a mailbox for: its lines are not the service's)
        assertThat(output.getAll().lines().filter(line -> !line.contains("icegreen")))
                .noneMatch(line -> Stream.of(
                                "author_" + marker,
                                "Author " + marker,
                                "@member see " + marker,
                                "to you " + marker,
                                "erasure-" + author + "@example.test")
                        .anyMatch(line::contains));
    }

    @Test
    void deliveriesNotDoneAtTheErasureAreCancelledAndARetryThatComesBackLaterSendsNothing() {
        NotificationRows rows = new NotificationRows(jdbc);
        String marker = UUID.randomUUID().toString().substring(0, 8);
        UUID user = UUID.randomUUID();
        UUID friend = UUID.randomUUID();
        String address = "cancelled-" + user + "@example.test";
        events.publish(
                DomainEvents.USER_ACCOUNT,
                user.toString(),
                new UserRegisteredEvent(user, "user_" + marker, "User " + marker, Set.of(PlatformRole.USER)));
        log.addContact(user, address);
        String payload = "{\"from\": \"" + friend + "\", \"excerpt\": \"" + marker + "\"}";
        // as they stand between attempts: one mail failed once and waits for its retry, one push not yet sent
        LogRow failed = rows.insert(LogRow.inApp(user, Instant.now())
                .channel(Channel.EMAIL)
                .type("friend-request.received", payload)
                .delivery(DeliveryStatus.FAILED, 1, "SMTP 451 for " + address));
        LogRow pending = rows.insert(LogRow.inApp(user, Instant.now())
                .type("friend-request.received", payload)
                .delivery(DeliveryStatus.PUBLISHED, 0, null));

        keys.destroy(user);
        events.publish(DomainEvents.USER_ACCOUNT, user.toString(), new UserErasedEvent(user));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(log.rowsOf(user)).hasSize(2).allSatisfy(row -> {
                    assertThat(row.get("status")).isEqualTo("CANCELLED");
                    assertThat(row.get("payload")).asString().isEqualTo("{}");
                    assertThat(row.get("last_error")).isNull();
                }));

        // the failed mail's retry, back from its wait queue, and the push's message, both after the erasure
        sendCopyOf(failed, 1);
        sendCopyOf(pending, null);
        // a message to them after the erasure writes no notification at all
        String pair = FriendshipId.of(friend, user);
        events.publish(
                DomainEvents.FRIENDSHIP,
                pair,
                new DirectMessageSentEvent(pair, UUID.randomUUID(), friend, user, "late " + marker, null, List.of()));
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(log.rowsOf(user))
                    .hasSize(2)
                    .allSatisfy(row -> assertThat(row.get("status")).isEqualTo("CANCELLED"));
            assertThat(log.attemptsOf(failed.id())).isEmpty();
            assertThat(log.attemptsOf(pending.id())).isEmpty();
        });
        assertThat(LocalServiceProxies.greenMail().getReceivedMessages())
                .noneSatisfy(mail -> assertThat(mail.getAllRecipients())
                        .extracting(Object::toString)
                        .contains(address));
    }

    @Test
    void anAttemptUnderWayWhenTheUserIsErasedIsRecordedAndThenCancelledWithoutItsError() throws Exception {
        NotificationRows rows = new NotificationRows(jdbc);
        UUID user = UUID.randomUUID();
        String address = "under-way-" + user + "@example.test";
        events.publish(
                DomainEvents.USER_ACCOUNT,
                user.toString(),
                new UserRegisteredEvent(
                        user, "user_" + user.toString().substring(0, 8), "U", Set.of(PlatformRole.USER)));
        log.addContact(user, address);
        LogRow mail = rows.insert(LogRow.inApp(user, Instant.now())
                .channel(Channel.EMAIL)
                .delivery(DeliveryStatus.FAILED, 1, "SMTP 451 for " + address));
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch erasing = new CountDownLatch(1);
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try {
            // a worker's attempt: the row locked from before the send until its failure is recorded
            Future<?> attempt = worker.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
                jdbc.queryForList("SELECT id FROM notification_log WHERE id = ? FOR NO KEY UPDATE", mail.id());
                locked.countDown();
                try {
                    erasing.await(30, TimeUnit.SECONDS);
                    Thread.sleep(1_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                jdbc.update(
                        "UPDATE notification_log SET attempts = 2, last_error = ?, next_attempt_at = now() WHERE id = ?",
                        "SMTP 451 again for " + address,
                        mail.id());
            }));
            assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
            keys.destroy(user);
            events.publish(DomainEvents.USER_ACCOUNT, user.toString(), new UserErasedEvent(user));
            erasing.countDown();
            attempt.get(60, TimeUnit.SECONDS);
        } finally {
            worker.shutdownNow();
        }

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(log.rowsOf(user))
                        .singleElement()
                        .satisfies(row -> {
                            assertThat(row.get("status")).isEqualTo("CANCELLED");
                            assertThat(row.get("attempts")).isEqualTo(2);
                            assertThat(row.get("last_error")).isNull();
                        }));
    }

    private void sendCopyOf(LogRow row, Integer failedAttempt) {
        MessageBuilder message = MessageBuilder.withBody(row.id().toString().getBytes(StandardCharsets.UTF_8));
        if (failedAttempt != null) {
            message.setHeader(FAILED_ATTEMPT, failedAttempt);
        }
        rabbit.send(broker.exchange(), broker.routingKey(row.channel()), message.build());
    }
}
