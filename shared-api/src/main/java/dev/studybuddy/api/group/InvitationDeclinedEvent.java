package dev.studybuddy.api.group;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The invitee declined. */
@Revision("1")
public record InvitationDeclinedEvent(UUID groupId, UUID inviteeId) {}
