package dev.studybuddy.api.group;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** An invitation lapsed unanswered (after 7 days, by default). */
@Revision("1")
public record InvitationExpiredEvent(UUID groupId, UUID inviteeId) {}
