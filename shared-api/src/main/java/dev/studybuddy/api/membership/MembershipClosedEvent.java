package dev.studybuddy.api.membership;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The member's seat is closed. */
@Revision("1")
public record MembershipClosedEvent(String membershipId, UUID groupId, UUID userId) {}
