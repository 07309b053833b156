package dev.studybuddy.api.friendship;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Either friend unpins a direct message; unpinning one that is not pinned changes nothing. */
public record UnpinDirectMessageCommand(
        @TargetAggregateIdentifier String friendshipId, UUID userId, UUID otherId, UUID messageId) {

    public UnpinDirectMessageCommand {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(otherId, "otherId");
        Objects.requireNonNull(messageId, "messageId");
        friendshipId = FriendshipId.of(userId, otherId);
    }

    public UnpinDirectMessageCommand(UUID userId, UUID otherId, UUID messageId) {
        this(null, userId, otherId, messageId);
    }
}
