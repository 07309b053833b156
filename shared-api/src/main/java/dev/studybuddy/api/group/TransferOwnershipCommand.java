package dev.studybuddy.api.group;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The owner hands the group to another member and becomes an ADMIN. */
public record TransferOwnershipCommand(
        @TargetAggregateIdentifier UUID groupId, Actor actor, UUID newOwnerId) {

    public TransferOwnershipCommand {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(newOwnerId, "newOwnerId");
    }
}
