package dev.studybuddy.api.group;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Deletes a message: its author any time, the group's OWNER/ADMIN or a platform moderator as moderation. */
public record DeleteGroupMessageCommand(
        @TargetAggregateIdentifier UUID groupId, UUID messageId, Actor actor) {

    public DeleteGroupMessageCommand {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(actor, "actor");
    }
}
