package dev.studybuddy.api.friendship;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** {@code blockerId} blocked {@code blockedId}; what the block ended is recorded with it (the blocked user is not told). */
@Revision("1")
public record UserBlockedEvent(
        String friendshipId, UUID blockerId, UUID blockedId, boolean endedFriendship, UUID withdrawnRequestFrom) {}
