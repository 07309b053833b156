package dev.studybuddy.api.group;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The group's OWNER or an ADMIN pins one of its latest messages, not deleted; at most {@link dev.studybuddy.api.chat.MessageRules#MAX_PINS} are pinned at once. */
public record PinGroupMessageCommand(
        @TargetAggregateIdentifier UUID groupId, UUID messageId, Actor actor) {

    public PinGroupMessageCommand {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(actor, "actor");
    }
}
