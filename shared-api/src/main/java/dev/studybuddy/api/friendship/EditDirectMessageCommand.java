package dev.studybuddy.api.friendship;

import dev.studybuddy.api.chat.MessageRules;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The author changes their direct message's body, within the edit window. */
public record EditDirectMessageCommand(
        @TargetAggregateIdentifier String friendshipId, UUID editorId, UUID otherId, UUID messageId, String body) {

    public EditDirectMessageCommand {
        Objects.requireNonNull(editorId, "editorId");
        Objects.requireNonNull(otherId, "otherId");
        Objects.requireNonNull(messageId, "messageId");
        friendshipId = FriendshipId.of(editorId, otherId);
        body = MessageRules.requireBody(body);
    }

    public EditDirectMessageCommand(UUID editorId, UUID otherId, UUID messageId, String body) {
        this(null, editorId, otherId, messageId, body);
    }
}
