package dev.studybuddy.notification.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studybuddy.api.friendship.FriendRequestSentEvent;
import dev.studybuddy.api.friendship.FriendshipId;
import dev.studybuddy.notification.NotificationSagaIT;
import dev.studybuddy.notification.support.DomainEvents;
import dev.studybuddy.notification.support.LocalServiceProxies;
import dev.studybuddy.notification.support.LogQueries;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Contact changes published on the identity exchange, as command-side's relay publishes them, keep the addresses. */
@NotificationSagaIT
class ContactsIT {

    /** Versions as command-side would hand them out: each change gets a higher one. */
    private static final AtomicLong VERSIONS = new AtomicLong(1_000);

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    ContactsProperties contacts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DomainEvents events;

    @Autowired
    LogQueries log;

    private final UUID user = UUID.randomUUID();

    @Test
    void aContactChangeFillsTheContactsAndAnOlderOneDoesNotOverwriteIt() {
        long older = VERSIONS.incrementAndGet();
        long newer = VERSIONS.incrementAndGet();
        publish("{\"userId\":\"%s\",\"email\":\"new@example.test\",\"version\":%d}".formatted(user, newer));
        await().atMost(Duration.ofSeconds(10)).until(() -> contactOf(user) != null);
        assertThat(contactOf(user)).containsEntry("email", "new@example.test").containsEntry("version", newer);

        publish("{\"userId\":\"%s\",\"email\":\"old@example.test\",\"version\":%d}".formatted(user, older));
        publish("{\"userId\":\"%s\",\"email\":\"new@example.test\",\"version\":%d}".formatted(user, newer));
        awaitProcessedUpToHere();

        assertThat(contactOf(user)).containsEntry("email", "new@example.test").containsEntry("version", newer);
    }

    @Test
    void aForgottenAddressIsNoLongerUsedAndAnOlderAddressDoesNotComeBack() {
        long registered = VERSIONS.incrementAndGet();
        long closed = VERSIONS.incrementAndGet();
        publish("{\"userId\":\"%s\",\"email\":\"leaving@example.test\",\"version\":%d}".formatted(user, registered));
        await().atMost(Duration.ofSeconds(10)).until(() -> contactOf(user) != null);

        publish("{\"userId\":\"%s\",\"email\":null,\"version\":%d}".formatted(user, closed));
        await().atMost(Duration.ofSeconds(10)).until(() -> contactOf(user).get("email") == null);
        publish("{\"userId\":\"%s\",\"email\":\"leaving@example.test\",\"version\":%d}".formatted(user, registered));
        awaitProcessedUpToHere();
        assertThat(contactOf(user)).containsEntry("email", null).containsEntry("version", closed);

        UUID requester = UUID.randomUUID();
        sendFriendRequest(requester, user);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !log.rowsOf(user).isEmpty()
                        && log.rowsOf(user).stream().allMatch(row -> "DELIVERED".equals(row.get("status"))));
        assertThat(log.rowsOf(user)).extracting(row -> row.get("channel")).containsExactly("IN_APP");
    }

    @Test
    void aVerifiedAddressThatArrivedThisWayIsMailed() {
        String address = "mailable-" + user + "@example.test";
        publish("{\"userId\":\"%s\",\"email\":\"%s\",\"verified\":true,\"version\":%d}"
                .formatted(user, address, VERSIONS.incrementAndGet()));
        await().atMost(Duration.ofSeconds(10)).until(() -> contactOf(user) != null);

        sendFriendRequest(UUID.randomUUID(), user);

        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(address).size() == 1);
        assertThat(log.rowsOf(user)).extracting(row -> row.get("channel")).containsExactly("EMAIL", "IN_APP");
    }

    @Test
    void anUnverifiedAddressIsNotMailed() {
        String address = "unverified-" + user + "@example.test";
        publish("{\"userId\":\"%s\",\"email\":\"%s\",\"verified\":false,\"version\":%d}"
                .formatted(user, address, VERSIONS.incrementAndGet()));
        await().atMost(Duration.ofSeconds(10)).until(() -> contactOf(user) != null);

        sendFriendRequest(UUID.randomUUID(), user);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> !log.rowsOf(user).isEmpty()
                        && log.rowsOf(user).stream().allMatch(row -> "DELIVERED".equals(row.get("status"))));
        assertThat(log.rowsOf(user)).extracting(row -> row.get("channel")).containsExactly("IN_APP");
        assertThat(mailsTo(address)).isEmpty();
    }

    @Test
    void aMessageThatIsNoContactChangeIsDroppedAndDoesNotHoldUpTheNext() {
        publish("not json");
        publish("{\"email\":\"nobody@example.test\",\"version\":7}");
        publish("{\"userId\":\"%s\",\"email\":\"after@example.test\",\"version\":%d}"
                .formatted(user, VERSIONS.incrementAndGet()));

        await().atMost(Duration.ofSeconds(10)).until(() -> contactOf(user) != null);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM notification_contacts WHERE email = 'nobody@example.test'",
                        Integer.class))
                .isZero();
    }

    private void publish(String json) {
        rabbit.send(
                contacts.exchange(),
                contacts.routingKey(),
                MessageBuilder.withBody(json.getBytes(StandardCharsets.UTF_8))
                        .setContentType(MessageProperties.CONTENT_TYPE_JSON)
                        .build());
    }

    /** One consumer takes the queue in order: once a marker published last is stored, everything before it was seen. */
    private void awaitProcessedUpToHere() {
        UUID marker = UUID.randomUUID();
        publish("{\"userId\":\"%s\",\"email\":\"marker@example.test\",\"version\":%d}"
                .formatted(marker, VERSIONS.incrementAndGet()));
        await().atMost(Duration.ofSeconds(10)).until(() -> contactOf(marker) != null);
    }

    private Map<String, Object> contactOf(UUID userId) {
        List<Map<String, Object>> rows =
                jdbc.queryForList("SELECT email, version FROM notification_contacts WHERE user_id = ?", userId);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private void sendFriendRequest(UUID requester, UUID addressee) {
        events.publish(
                DomainEvents.FRIENDSHIP,
                FriendshipId.of(requester, addressee),
                new FriendRequestSentEvent(FriendshipId.of(requester, addressee), requester, addressee));
    }

    private static List<MimeMessage> mailsTo(String address) {
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
