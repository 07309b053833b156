package dev.studybuddy.api.user;

import dev.studybuddy.api.privacy.PersonalData;
import java.util.Set;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A user account was opened. */
@Revision("1")
public record UserRegisteredEvent(
        UUID userId,
        @PersonalData(subject = "userId") String username,
        @PersonalData(subject = "userId") String displayName,
        Set<PlatformRole> roles) {}
