package dev.studybuddy.api.group;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A message is no longer pinned: unpinned by {@code unpinnedBy}, or deleted by them (then it follows the deletion). */
@Revision("1")
public record GroupMessageUnpinnedEvent(UUID groupId, UUID messageId, UUID unpinnedBy) {}
