package dev.studybuddy.api.group;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A join request was approved; the seat follows as a {@link MemberJoinedEvent}. */
@Revision("1")
public record JoinRequestApprovedEvent(UUID groupId, UUID userId, UUID approvedBy) {}
