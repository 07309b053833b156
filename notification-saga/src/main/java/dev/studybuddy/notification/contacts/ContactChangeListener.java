package dev.studybuddy.notification.contacts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import dev.studybuddy.api.user.ContactChanged;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;

/**
 * Consumes command-side's contact changes with manual acknowledgement: acked only after the change (or the finding
 * that it is out of date) has been committed. A message that cannot be stored now goes back to the queue after a
 * pause: nothing else would send it again.
 */
@Component
class ContactChangeListener {

    private static final Logger log = LoggerFactory.getLogger(ContactChangeListener.class);

    private final Contacts contacts;
    private final ObjectMapper json;
    private final ContactsProperties properties;

    ContactChangeListener(Contacts contacts, ObjectMapper json, ContactsProperties properties) {
        this.contacts = contacts;
        this.json = json;
        this.properties = properties;
    }

    @RabbitListener(queues = "${studybuddy.notifications.contacts.queue}", ackMode = "MANUAL", concurrency = "1")
    void onContactChanged(Message message, Channel channel) throws IOException, InterruptedException {
        long tag = message.getMessageProperties().getDeliveryTag();
        ContactChanged change;
        try {
            change = json.readValue(message.getBody(), ContactChanged.class);
        } catch (IOException | RuntimeException e) {
            log.warn("Dropping a message that is no contact change: {} ({})", message, e.toString());
            channel.basicReject(tag, false);
            return;
        }
        try {
            contacts.apply(change);
        } catch (RuntimeException e) {
            log.warn(
                    "Could not store contact change {} of user {}, handing it back in {}: {}",
                    change.version(),
                    change.userId(),
                    properties.retryDelay(),
                    e.toString());
            Thread.sleep(properties.retryDelay().toMillis());
            channel.basicNack(tag, false, true);
            return;
        }
        channel.basicAck(tag, false);
    }
}
