package dev.studybuddy.api.group;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The invitee accepted; the seat follows as a {@link MemberJoinedEvent}. */
@Revision("1")
public record InvitationAcceptedEvent(UUID groupId, UUID inviteeId) {}
