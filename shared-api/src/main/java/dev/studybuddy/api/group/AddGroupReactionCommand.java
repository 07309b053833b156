package dev.studybuddy.api.group;

import dev.studybuddy.api.chat.ReactionRules;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A member adds their reaction to one of the group's latest messages; adding it again changes nothing. */
public record AddGroupReactionCommand(
        @TargetAggregateIdentifier UUID groupId, UUID messageId, UUID userId, String emoji) {

    public AddGroupReactionCommand {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(userId, "userId");
        emoji = ReactionRules.requireEmoji(emoji);
    }
}
