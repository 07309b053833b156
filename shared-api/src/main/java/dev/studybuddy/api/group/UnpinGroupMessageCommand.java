package dev.studybuddy.api.group;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The group's OWNER or an ADMIN unpins a message; unpinning one that is not pinned changes nothing. */
public record UnpinGroupMessageCommand(
        @TargetAggregateIdentifier UUID groupId, UUID messageId, Actor actor) {

    public UnpinGroupMessageCommand {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(actor, "actor");
    }
}
