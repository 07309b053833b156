package dev.studybuddy.api.friendship;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The requester withdrew the request. */
@Revision("1")
public record FriendRequestCancelledEvent(String friendshipId, UUID requesterId, UUID addresseeId) {}
