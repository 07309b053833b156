package dev.studybuddy.api.friendship;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The two users are friends now. */
@Revision("1")
public record FriendRequestAcceptedEvent(String friendshipId, UUID requesterId, UUID addresseeId) {}
