package dev.studybuddy.api.group;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A message was deleted; it keeps its place, its body is gone from the views. */
@Revision("1")
public record GroupMessageDeletedEvent(UUID groupId, UUID messageId, UUID deletedBy, boolean moderation) {}
