package dev.studybuddy.api.group;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** Ownership passed to {@code newOwnerId}; the previous owner is an ADMIN now. */
@Revision("1")
public record OwnershipTransferredEvent(UUID groupId, UUID previousOwnerId, UUID newOwnerId) {}
