package dev.studybuddy.api.group;

import org.axonframework.serialization.Revision;

import java.util.UUID;

/** An invitation lapsed unanswered (after 7 days, by default). */
@Revision("1")
public record InvitationExpiredEvent(UUID groupId, UUID inviteeId) {
}
