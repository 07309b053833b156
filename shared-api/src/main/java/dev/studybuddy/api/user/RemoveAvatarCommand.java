package dev.studybuddy.api.user;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Takes the user's profile picture away: whichever it is, or ({@code fileId} given) only if it is that file, which is
 * being deleted.
 */
public record RemoveAvatarCommand(@TargetAggregateIdentifier UUID userId, UUID fileId) {

    public RemoveAvatarCommand {
        Objects.requireNonNull(userId, "userId");
    }

    public static RemoveAvatarCommand whicheverItIs(UUID userId) {
        return new RemoveAvatarCommand(userId, null);
    }

    public static RemoveAvatarCommand ifItIs(UUID userId, UUID fileId) {
        return new RemoveAvatarCommand(userId, Objects.requireNonNull(fileId, "fileId"));
    }

    /** Whether the user asked, rather than the deletion of a file. */
    public boolean byTheUser() {
        return fileId == null;
    }

    /** Whether this takes away the avatar {@code current} (none: nothing to take). */
    public boolean takesAway(UUID current) {
        return current != null && (byTheUser() || fileId.equals(current));
    }
}
