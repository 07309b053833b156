package dev.studybuddy.api.friendship;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A direct message was deleted by its author. */
@Revision("1")
public record DirectMessageDeletedEvent(String friendshipId, UUID messageId, UUID deletedBy) {}
