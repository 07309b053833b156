package dev.studybuddy.api.friendship;

import dev.studybuddy.api.chat.ReactionRules;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Either friend takes their reaction back; taking back one they did not give changes nothing. */
public record RemoveDirectReactionCommand(
        @TargetAggregateIdentifier String friendshipId, UUID userId, UUID otherId, UUID messageId, String emoji) {

    public RemoveDirectReactionCommand {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(otherId, "otherId");
        Objects.requireNonNull(messageId, "messageId");
        friendshipId = FriendshipId.of(userId, otherId);
        emoji = ReactionRules.requireRemovable(emoji);
    }

    public RemoveDirectReactionCommand(UUID userId, UUID otherId, UUID messageId, String emoji) {
        this(null, userId, otherId, messageId, emoji);
    }
}
