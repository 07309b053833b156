package dev.studybuddy.api.friendship;

import dev.studybuddy.api.chat.ReactionRules;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Either friend adds their reaction to one of the pair's latest messages; adding it again changes nothing. */
public record AddDirectReactionCommand(
        @TargetAggregateIdentifier String friendshipId, UUID userId, UUID otherId, UUID messageId, String emoji) {

    public AddDirectReactionCommand {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(otherId, "otherId");
        Objects.requireNonNull(messageId, "messageId");
        friendshipId = FriendshipId.of(userId, otherId);
        emoji = ReactionRules.requireEmoji(emoji);
    }

    public AddDirectReactionCommand(UUID userId, UUID otherId, UUID messageId, String emoji) {
        this(null, userId, otherId, messageId, emoji);
    }
}
