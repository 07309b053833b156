package dev.studybuddy.command.identity.contact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.studybuddy.api.user.ContactChanged;
import dev.studybuddy.platform.messaging.ConfirmedPublishing;
import dev.studybuddy.platform.scheduling.PeriodicTask;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes the contact outbox to RabbitMQ, as notification-saga's OutboxRelay does with its log: claims a batch
 * of unpublished rows ({@code FOR UPDATE SKIP LOCKED}, so several nodes may relay side by side), publishes them
 * with correlated publisher confirms and marks published only what the broker acked and did not return. While
 * RabbitMQ is down the rows stay unpublished and the next run tries again. A row published twice (a confirm that
 * came too late) is harmless: the receiver ignores a version it already has.
 */
@Component
class ContactOutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(ContactOutboxRelay.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final RabbitTemplate rabbit;
    private final ObjectMapper json;
    private final ContactsProperties properties;
    private final Clock clock;

    ContactOutboxRelay(
            JdbcTemplate jdbc,
            TransactionTemplate transaction,
            RabbitTemplate rabbit,
            ObjectMapper json,
            ContactsProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.rabbit = rabbit;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
    }

    /** One run: claim a batch, publish it, wait for the confirms, mark what was confirmed. */
    int relayOnce() {
        Integer published = transaction.execute(status -> {
            List<ContactChanged> due = claimUnpublished();
            if (due.isEmpty()) {
                return 0;
            }
            List<Long> confirmed = publish(due);
            markPublished(confirmed);
            return confirmed.size();
        });
        return published == null ? 0 : published;
    }

    private List<ContactChanged> claimUnpublished() {
        return jdbc.query(
                """
                        SELECT version, user_id, email, verified FROM contact_outbox
                        WHERE published_at IS NULL
                        ORDER BY version
                        LIMIT ?
                        FOR UPDATE SKIP LOCKED""",
                (rs, i) -> new ContactChanged(
                        rs.getObject("user_id", UUID.class),
                        rs.getString("email"),
                        rs.getBoolean("verified"),
                        rs.getLong("version")),
                properties.batchSize());
    }

    private List<Long> publish(List<ContactChanged> due) {
        return ConfirmedPublishing.publish(
                rabbit,
                due.stream()
                        .map(change -> new ConfirmedPublishing.Outgoing<>(
                                change.version(), properties.exchange(), properties.routingKey(), message(change)))
                        .toList(),
                properties.confirmTimeout());
    }

    private Message message(ContactChanged change) {
        try {
            return MessageBuilder.withBody(json.writeValueAsBytes(change))
                    .setContentType(MessageProperties.CONTENT_TYPE_JSON)
                    .setMessageId("contact-" + change.version())
                    .setDeliveryMode(MessageDeliveryMode.PERSISTENT)
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize a contact change", e);
        }
    }

    private void markPublished(List<Long> confirmed) {
        Timestamp now = Timestamp.from(clock.instant());
        for (Long version : confirmed) {
            jdbc.update("UPDATE contact_outbox SET published_at = ? WHERE version = ?", now, version);
        }
    }

    private void deleteLongPublished() {
        jdbc.update(
                "DELETE FROM contact_outbox WHERE published_at < ?",
                Timestamp.from(clock.instant().minus(properties.keepPublished())));
    }

    /** One run of the relay's periodic task ({@link ContactsBrokerConfiguration}): relays until nothing is due. */
    void relayRegularly() {
        try {
            PeriodicTask.drain(this::relayOnce, properties.batchSize());
            deleteLongPublished();
        } catch (RuntimeException e) {
            log.warn("Contact outbox relay run failed, retrying in {}: {}", properties.relayInterval(), e.toString());
        }
    }
}
