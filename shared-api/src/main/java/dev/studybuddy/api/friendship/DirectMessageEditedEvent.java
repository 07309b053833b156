package dev.studybuddy.api.friendship;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A direct message's body was changed by its author. */
@Revision("1")
public record DirectMessageEditedEvent(String friendshipId, UUID messageId, String body) {}
