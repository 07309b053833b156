package dev.studybuddy.api.membership;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The member's seat is open. */
@Revision("1")
public record MembershipOpenedEvent(String membershipId, UUID groupId, UUID userId) {}
