package dev.studybuddy.api.friendship;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** {@code removedBy} ended the friendship with {@code formerFriendId}. */
@Revision("1")
public record FriendshipEndedEvent(String friendshipId, UUID removedBy, UUID formerFriendId) {}
