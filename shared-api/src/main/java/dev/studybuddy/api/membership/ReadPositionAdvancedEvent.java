package dev.studybuddy.api.membership;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The member has read up to {@code seq}. */
@Revision("1")
public record ReadPositionAdvancedEvent(String membershipId, UUID groupId, UUID userId, long seq) {}
