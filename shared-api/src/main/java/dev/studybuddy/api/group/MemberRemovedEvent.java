package dev.studybuddy.api.group;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A member was removed from the group. */
@Revision("1")
public record MemberRemovedEvent(UUID groupId, UUID userId, UUID removedBy, boolean moderation) {}
