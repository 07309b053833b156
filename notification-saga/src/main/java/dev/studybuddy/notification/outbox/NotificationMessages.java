package dev.studybuddy.notification.outbox;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageBuilderSupport;
import org.springframework.amqp.core.MessageDeliveryMode;

/** The one wire format of delivery work: a persistent message whose body is the notification's id. */
public final class NotificationMessages {

    private NotificationMessages() {}

    public static MessageBuilderSupport<Message> naming(UUID notificationId) {
        return MessageBuilder.withBody(notificationId.toString().getBytes(StandardCharsets.UTF_8))
                .setContentType("text/plain")
                .setMessageId(notificationId.toString())
                .setDeliveryMode(MessageDeliveryMode.PERSISTENT);
    }
}
