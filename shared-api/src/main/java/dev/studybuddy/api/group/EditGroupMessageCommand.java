package dev.studybuddy.api.group;

import dev.studybuddy.api.chat.MessageRules;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The author changes their message's body, within the edit window. */
public record EditGroupMessageCommand(
        @TargetAggregateIdentifier UUID groupId, UUID messageId, UUID editorId, String body) {

    public EditGroupMessageCommand {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(editorId, "editorId");
        body = MessageRules.requireBody(body);
    }
}
