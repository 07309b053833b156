package dev.studybuddy.api.friendship;

import dev.studybuddy.api.chat.MessageRules;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** One friend writes to the other; refused unless they are friends and neither blocks the other. */
public record SendDirectMessageCommand(
        @TargetAggregateIdentifier String friendshipId,
        UUID senderId,
        UUID recipientId,
        UUID messageId,
        String body,
        UUID replyTo,
        List<UUID> attachments) {

    public SendDirectMessageCommand {
        Objects.requireNonNull(senderId, "senderId");
        Objects.requireNonNull(recipientId, "recipientId");
        Objects.requireNonNull(messageId, "messageId");
        if (senderId.equals(recipientId)) {
            throw new IllegalArgumentException("you cannot write to yourself");
        }
        friendshipId = FriendshipId.of(senderId, recipientId);
        body = MessageRules.requireBody(body);
        attachments = MessageRules.requireAttachments(attachments);
    }

    public SendDirectMessageCommand(
            UUID senderId, UUID recipientId, UUID messageId, String body, UUID replyTo, List<UUID> attachments) {
        this(null, senderId, recipientId, messageId, body, replyTo, attachments);
    }
}
