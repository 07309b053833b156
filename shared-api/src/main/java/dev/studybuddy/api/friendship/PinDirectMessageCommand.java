package dev.studybuddy.api.friendship;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Either friend pins one of the pair's latest messages, not deleted; at most {@link dev.studybuddy.api.chat.MessageRules#MAX_PINS} are pinned at once. */
public record PinDirectMessageCommand(
        @TargetAggregateIdentifier String friendshipId, UUID userId, UUID otherId, UUID messageId) {

    public PinDirectMessageCommand {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(otherId, "otherId");
        Objects.requireNonNull(messageId, "messageId");
        friendshipId = FriendshipId.of(userId, otherId);
    }

    public PinDirectMessageCommand(UUID userId, UUID otherId, UUID messageId) {
        this(null, userId, otherId, messageId);
    }
}
