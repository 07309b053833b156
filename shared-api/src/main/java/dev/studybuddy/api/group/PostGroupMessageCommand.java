package dev.studybuddy.api.group;

import dev.studybuddy.api.chat.MessageRules;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A member posts a message; it takes the group stream's next sequence number as its place. */
public record PostGroupMessageCommand(
        @TargetAggregateIdentifier UUID groupId,
        UUID messageId,
        UUID authorId,
        String body,
        UUID replyTo,
        List<UUID> mentions,
        List<UUID> attachments) {

    public PostGroupMessageCommand {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(authorId, "authorId");
        body = MessageRules.requireBody(body);
        mentions = MessageRules.requireMentions(mentions);
        attachments = MessageRules.requireAttachments(attachments);
    }
}
