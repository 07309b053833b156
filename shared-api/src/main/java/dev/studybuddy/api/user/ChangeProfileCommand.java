package dev.studybuddy.api.user;

import dev.studybuddy.api.text.TypedText;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Changes the public profile; a {@code null} field stays as it is. */
public record ChangeProfileCommand(
        @TargetAggregateIdentifier UUID userId, String displayName, String bio) {

    public static final int MAX_BIO_LENGTH = 500;

    public ChangeProfileCommand {
        Objects.requireNonNull(userId, "userId");
        if (displayName != null) {
            displayName = DisplayNames.requireValid(displayName);
        }
        if (bio != null) {
            bio = bio.strip();
            if (bio.length() > MAX_BIO_LENGTH) {
                throw new IllegalArgumentException("bio must be at most " + MAX_BIO_LENGTH + " characters");
            }
            bio = TypedText.requireText("bio", bio);
        }
    }
}
