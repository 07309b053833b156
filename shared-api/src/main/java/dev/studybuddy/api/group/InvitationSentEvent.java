package dev.studybuddy.api.group;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A user was invited to the group. */
@Revision("1")
public record InvitationSentEvent(UUID groupId, UUID inviteeId, UUID invitedBy) {}
