package dev.studybuddy.api.user;

import dev.studybuddy.api.privacy.PersonalData;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The public profile now reads as given (both fields are the full new values). */
@Revision("1")
public record ProfileChangedEvent(
        UUID userId,
        @PersonalData(subject = "userId") String displayName,
        @PersonalData(subject = "userId") String bio) {}
