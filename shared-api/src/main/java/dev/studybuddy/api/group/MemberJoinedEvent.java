package dev.studybuddy.api.group;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A user took a seat in the group, by the route given. */
@Revision("1")
public record MemberJoinedEvent(UUID groupId, UUID userId, GroupRole role, JoinRoute route) {}
