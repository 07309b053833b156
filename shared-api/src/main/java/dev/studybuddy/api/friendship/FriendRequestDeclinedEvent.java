package dev.studybuddy.api.friendship;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The addressee declined the request. */
@Revision("1")
public record FriendRequestDeclinedEvent(String friendshipId, UUID requesterId, UUID addresseeId) {}
