package dev.studybuddy.api.friendship;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A direct message is no longer pinned: unpinned by {@code unpinnedBy}, or deleted by them (then it follows the deletion). */
@Revision("1")
public record DirectMessageUnpinnedEvent(String friendshipId, UUID messageId, UUID unpinnedBy) {}
