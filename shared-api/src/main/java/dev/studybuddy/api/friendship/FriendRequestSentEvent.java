package dev.studybuddy.api.friendship;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A friend request is pending from requester to addressee. */
@Revision("1")
public record FriendRequestSentEvent(String friendshipId, UUID requesterId, UUID addresseeId) {}
