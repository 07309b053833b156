package dev.studybuddy.api.group;

import dev.studybuddy.api.chat.ReactionRules;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A member takes their reaction back; taking back one they did not give changes nothing. */
public record RemoveGroupReactionCommand(
        @TargetAggregateIdentifier UUID groupId, UUID messageId, UUID userId, String emoji) {

    public RemoveGroupReactionCommand {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(userId, "userId");
        emoji = ReactionRules.requireRemovable(emoji);
    }
}
