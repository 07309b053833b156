package dev.studybuddy.notification.delivery;

import static dev.studybuddy.notification.delivery.FriendRequestDeliveryIT.mailsTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studybuddy.api.friendship.FriendRequestSentEvent;
import dev.studybuddy.api.friendship.FriendshipId;
import dev.studybuddy.notification.NotificationSagaIT;
import dev.studybuddy.notification.outbox.BrokerProperties;
import dev.studybuddy.notification.support.DomainEvents;
import dev.studybuddy.notification.support.LocalServiceProxies;
import dev.studybuddy.notification.support.LogQueries;
import dev.studybuddy.notification.support.RedisNotifications;
import dev.studybuddy.testing.TcpProxy;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Outages of what delivery depends on, played without stopping the shared servers (other programs use them):
 * the service reaches PostgreSQL, RabbitMQ, Redis and SMTP only through {@link TcpProxy}s of this test JVM (see
 * {@link LocalServiceProxies}). Cutting a proxy resets the service's open connections and refuses new ones,
 * which is what the service sees when the server goes down; restoring it listens on the same port again.
 */
@NotificationSagaIT
class OutageIT {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    BrokerProperties broker;

    @Autowired
    DeliveryProperties delivery;

    @Autowired
    DomainEvents events;

    @Autowired
    LogQueries log;

    private RedisNotifications redis;

    @BeforeEach
    void setUp() {
        redis = new RedisNotifications();
    }

    @AfterEach
    void tearDown() {
        LocalServiceProxies.postgres().restore();
        LocalServiceProxies.rabbit().restore();
        LocalServiceProxies.redis().restore();
        LocalServiceProxies.smtp().restore();
        redis.close();
    }

    @Test
    void notificationsWrittenWhileRabbitMqIsDownAreAllDeliveredExactlyOnceWhenItIsBack() {
        LocalServiceProxies.rabbit().cut();
        List<UUID> addressees = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            UUID requester = UUID.randomUUID();
            UUID addressee = UUID.randomUUID();
            addressees.add(addressee);
            log.addContact(addressee, "outage-" + addressee + "@example.test");
            events.publish(
                    DomainEvents.FRIENDSHIP,
                    FriendshipId.of(requester, addressee),
                    new FriendRequestSentEvent(FriendshipId.of(requester, addressee), requester, addressee));
        }

        await().atMost(Duration.ofSeconds(30))
                .until(() -> addressees.stream()
                        .allMatch(addressee -> log.rowsOf(addressee).size() == 2));
        // Several relay runs fail while the broker is away; the rows wait in the log.
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(10))
                .until(() -> addressees.stream()
                        .flatMap(addressee -> log.rowsOf(addressee).stream())
                        .allMatch(row -> "PENDING".equals(row.get("status"))));

        LocalServiceProxies.rabbit().restore();

        await().atMost(Duration.ofSeconds(45))
                .until(() -> addressees.stream()
                        .flatMap(addressee -> log.rowsOf(addressee).stream())
                        .allMatch(row -> "DELIVERED".equals(row.get("status"))));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> addressees.stream()
                        .allMatch(addressee -> redis.of(addressee).size() == 1));
        for (UUID addressee : addressees) {
            assertThat(redis.of(addressee)).hasSize(1);
            assertThat(mailsTo("outage-" + addressee + "@example.test")).hasSize(1);
            assertThat(log.rowsOf(addressee))
                    .allSatisfy(row -> assertThat(row.get("attempts")).isEqualTo(1));
        }
    }

    @Test
    void anInAppNotificationThatFailedWhileRedisWasDownIsDeliveredOnceRedisIsBack() {
        UUID requester = UUID.randomUUID();
        UUID addressee = UUID.randomUUID();
        LocalServiceProxies.redis().cut();

        events.publish(
                DomainEvents.FRIENDSHIP,
                FriendshipId.of(requester, addressee),
                new FriendRequestSentEvent(FriendshipId.of(requester, addressee), requester, addressee));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> log.rowsOf(addressee).size() == 1
                        && "FAILED".equals(log.rowsOf(addressee).get(0).get("status")));
        Map<String, Object> failed = log.rowsOf(addressee).get(0);
        assertThat(failed.get("last_error")).isNotNull();
        assertThat(redis.of(addressee)).isEmpty();

        LocalServiceProxies.redis().restore();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> "DELIVERED".equals(log.rowsOf(addressee).get(0).get("status")));
        await().atMost(Duration.ofSeconds(10)).until(() -> redis.of(addressee).size() == 1);
        List<Map<String, Object>> attempts = log.attemptsOf(failed.get("id"));
        assertThat(attempts)
                .extracting(a -> a.get("outcome"))
                .startsWith("FAILED")
                .endsWith("DELIVERED");
        assertThat(attempts)
                .filteredOn(a -> "DELIVERED".equals(a.get("outcome")))
                .hasSize(1);
    }

    /**
     * Issue 14 (3): a retry that comes back while PostgreSQL is away cannot even be tried. It must not wait for the
     * relay's republish-after (15 min) but go round the wait queue again at once, and the outage must not count as
     * an attempt.
     */
    @Test
    void aRetryThatMeetsPostgreSqlDownIsDeliveredSoonAfterItIsBackWithoutCountingAnAttempt() throws Exception {
        UUID requester = UUID.randomUUID();
        UUID addressee = UUID.randomUUID();
        LocalServiceProxies.redis().cut();
        events.publish(
                DomainEvents.FRIENDSHIP,
                FriendshipId.of(requester, addressee),
                new FriendRequestSentEvent(FriendshipId.of(requester, addressee), requester, addressee));
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> log.rowsOf(addressee).size() == 1
                        && "FAILED".equals(log.rowsOf(addressee).get(0).get("status")));
        Object id = log.rowsOf(addressee).get(0).get("id");

        // the retry of attempt 1 is in its wait queue (back-off 2 s) and comes back while PostgreSQL is away
        LocalServiceProxies.postgres().cut();
        LocalServiceProxies.redis().restore();
        Thread.sleep(delivery.backoffAfter(1).multipliedBy(6).toMillis());
        LocalServiceProxies.postgres().restore();
        long restored = System.nanoTime();

        await().atMost(Duration.ofSeconds(60))
                .until(() -> "DELIVERED".equals(log.rowsOf(addressee).get(0).get("status")));
        Duration afterRestore = Duration.ofNanos(System.nanoTime() - restored);
        assertThat(afterRestore).isLessThan(Duration.ofSeconds(30));
        assertThat(log.rowsOf(addressee).get(0).get("attempts")).isEqualTo(2);
        assertThat(log.attemptsOf(id)).extracting(a -> a.get("outcome")).containsExactly("FAILED", "DELIVERED");
        await().atMost(Duration.ofSeconds(10)).until(() -> redis.of(addressee).size() == 1);
    }

    @Test
    void anEmailThatCannotBeSentIsTriedUpToTheLimitThenDeadForAuditors() {
        UUID requester = UUID.randomUUID();
        UUID addressee = UUID.randomUUID();
        log.addContact(addressee, "unreachable-" + addressee + "@example.test");
        LocalServiceProxies.smtp().cut();

        events.publish(
                DomainEvents.FRIENDSHIP,
                FriendshipId.of(requester, addressee),
                new FriendRequestSentEvent(FriendshipId.of(requester, addressee), requester, addressee));

        await().atMost(Duration.ofSeconds(45))
                .until(() -> log.rowsOf(addressee).stream()
                        .anyMatch(row -> "EMAIL".equals(row.get("channel")) && "DEAD".equals(row.get("status"))));
        Map<String, Object> email = log.rowsOf(addressee).stream()
                .filter(row -> "EMAIL".equals(row.get("channel")))
                .findFirst()
                .orElseThrow();
        assertThat(email.get("attempts")).isEqualTo(4);
        assertThat(email.get("last_error")).asString().contains("MailSendException");
        assertThat(log.attemptsOf(email.get("id"))).hasSize(4).allSatisfy(a -> {
            assertThat(a.get("outcome")).isEqualTo("FAILED");
            assertThat(a.get("error")).isNotNull();
        });
        assertThat(log.rowsOf(addressee))
                .filteredOn(row -> "IN_APP".equals(row.get("channel")))
                .singleElement()
                .satisfies(row -> assertThat(row.get("status")).isEqualTo("DELIVERED"));
        // The relay leaves FAILED rows alone for republish-after (15 min), so these retries came back from the
        // wait queues, each after its back-off.
        List<Map<String, Object>> attempts = log.attemptsOf(email.get("id"));
        for (int i = 1; i < attempts.size(); i++) {
            Duration pause = Duration.between(
                    ((Timestamp) attempts.get(i - 1).get("attempted_at")).toInstant(),
                    ((Timestamp) attempts.get(i).get("attempted_at")).toInstant());
            // RabbitMQ times the wait queue's TTL on the Erlang runtime's clock, not this JVM's, and a run measured
            // 7.991 s for an 8 s back-off; 2% of slack still tells a wait-queue retry from one that did not wait
            // (which comes within milliseconds).
            Duration backoff = delivery.backoffAfter(i);
            assertThat(pause)
                    .as("pause after attempt %d", i)
                    .isGreaterThanOrEqualTo(backoff.minus(backoff.dividedBy(50)));
        }
        Message dead = deadLetterOf(email.get("id").toString());
        assertThat(dead.getMessageProperties().<Object>getHeader("x-studybuddy-attempts"))
                .isEqualTo(4);
        assertThat(dead.getMessageProperties().<Object>getHeader("x-studybuddy-channel"))
                .isEqualTo("EMAIL");
        assertThat(dead.getMessageProperties().<Object>getHeader("x-studybuddy-last-error"))
                .asString()
                .contains("MailSendException");

        LocalServiceProxies.smtp().restore();
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() ->
                        mailsTo("unreachable-" + addressee + "@example.test").isEmpty()
                                && log.attemptsOf(email.get("id")).size() == 4);
    }

    /** Takes dead letters off their queue until the one of this notification (other tests leave theirs). */
    private Message deadLetterOf(String notificationId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            Message message = rabbit.receive(broker.deadLetterQueue(), 1000);
            if (message != null && notificationId.equals(new String(message.getBody(), StandardCharsets.UTF_8))) {
                return message;
            }
        }
        throw new AssertionError("No dead letter for notification " + notificationId);
    }
}
