package dev.studybuddy.api.friendship;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** {@code blockerId} lifted their block on {@code blockedId}. */
@Revision("1")
public record UserUnblockedEvent(String friendshipId, UUID blockerId, UUID blockedId) {}
