package dev.studybuddy.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studybuddy.api.friendship.FriendRequestSentEvent;
import dev.studybuddy.api.friendship.FriendshipId;
import dev.studybuddy.notification.NotificationSagaIT;
import dev.studybuddy.notification.log.Channel;
import dev.studybuddy.notification.outbox.BrokerProperties;
import dev.studybuddy.notification.support.DomainEvents;
import dev.studybuddy.notification.support.LocalServiceProxies;
import dev.studybuddy.notification.support.LogQueries;
import dev.studybuddy.notification.support.RedisNotifications;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A friend request travels the whole way: event → saga → log → relay → RabbitMQ → worker → Redis and SMTP. */
@NotificationSagaIT
class FriendRequestDeliveryIT {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    BrokerProperties broker;

    @Autowired
    DomainEvents events;

    @Autowired
    LogQueries log;

    private RedisNotifications redis;
    private final UUID requester = UUID.randomUUID();
    private final UUID addressee = UUID.randomUUID();
    private final String address = "addressee-" + addressee + "@example.test";

    @BeforeEach
    void setUp() {
        redis = new RedisNotifications();
        log.addContact(addressee, address);
    }

    @AfterEach
    void tearDown() {
        redis.close();
    }

    @Test
    void aFriendRequestIsPushedInAppOnceAndMailedOnce() {
        events.publish(
                DomainEvents.FRIENDSHIP,
                FriendshipId.of(requester, addressee),
                new FriendRequestSentEvent(FriendshipId.of(requester, addressee), requester, addressee));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> log.rowsOf(addressee).size() == 2
                        && log.rowsOf(addressee).stream().allMatch(row -> "DELIVERED".equals(row.get("status"))));

        List<Map<String, Object>> rows = log.rowsOf(addressee);
        assertThat(rows).extracting(row -> row.get("channel")).containsExactly("EMAIL", "IN_APP");
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.get("type")).isEqualTo("friend-request.received");
            assertThat(row.get("attempts")).isEqualTo(1);
            assertThat(log.attemptsOf(row.get("id")))
                    .extracting(a -> a.get("outcome"))
                    .containsExactly("DELIVERED");
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> redis.of(addressee).size() == 1);
        assertThat(redis.of(addressee).get(0))
                .contains("\"type\":\"notification\"")
                .contains("friend-request.received")
                .contains(requester.toString());
        assertThat(mailsTo(address)).hasSize(1);
        assertThat(log.rowsOf(requester))
                .as("the requester is told nothing yet")
                .isEmpty();
    }

    /**
     * A worker that delivered and committed but died before its ack leaves the broker to redeliver the
     * message; here the same messages are put on the queues again, as that redelivery would be.
     */
    @Test
    void aRedeliveredMessageIsRecognisedAndNotSentTwice() {
        events.publish(
                DomainEvents.FRIENDSHIP,
                FriendshipId.of(requester, addressee),
                new FriendRequestSentEvent(FriendshipId.of(requester, addressee), requester, addressee));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> log.rowsOf(addressee).size() == 2
                        && log.rowsOf(addressee).stream().allMatch(row -> "DELIVERED".equals(row.get("status"))));
        await().atMost(Duration.ofSeconds(10)).until(() -> redis.of(addressee).size() == 1);

        for (Map<String, Object> row : log.rowsOf(addressee)) {
            Channel channel = Channel.valueOf((String) row.get("channel"));
            for (int copy = 0; copy < 2; copy++) {
                rabbit.send(
                        broker.exchange(),
                        broker.routingKey(channel),
                        MessageBuilder.withBody(row.get("id").toString().getBytes(StandardCharsets.UTF_8))
                                .build());
            }
        }

        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .until(() -> redis.of(addressee).size() == 1 && mailsTo(address).size() == 1);
        assertThat(log.rowsOf(addressee)).allSatisfy(row -> {
            assertThat(row.get("status")).isEqualTo("DELIVERED");
            assertThat(row.get("attempts")).isEqualTo(1);
            assertThat(log.attemptsOf(row.get("id"))).hasSize(1);
        });
    }

    static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(LocalServiceProxies.greenMail().getReceivedMessages())
                .filter(message -> {
                    try {
                        return Arrays.stream(message.getAllRecipients())
                                .anyMatch(r -> r.toString().equals(address));
                    } catch (Exception e) {
                        return false;
                    }
                })
                .toList();
    }
}
