package dev.studybuddy.api.group;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A member left the group. */
@Revision("1")
public record MemberLeftEvent(UUID groupId, UUID userId) {}
