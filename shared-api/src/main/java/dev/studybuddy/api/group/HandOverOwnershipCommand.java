package dev.studybuddy.api.group;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The account of {@code closedOwnerId} is closed: if they still own the group, it passes to the member next in line
 * (docs/adr/0027-a-closed-accounts-groups-pass-to-the-next-member.md).
 */
public record HandOverOwnershipCommand(
        @TargetAggregateIdentifier UUID groupId, UUID closedOwnerId) {

    public HandOverOwnershipCommand {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(closedOwnerId, "closedOwnerId");
    }
}
