package dev.studybuddy.api.group;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A user was banned (and removed, when {@code wasMember}); any pending request or invitation of theirs is void. */
@Revision("1")
public record UserBannedFromGroupEvent(
        UUID groupId, UUID userId, UUID bannedBy, boolean wasMember, boolean moderation) {}
