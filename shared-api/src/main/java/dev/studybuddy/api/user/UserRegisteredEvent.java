package dev.studybuddy.api.user;

import org.axonframework.serialization.Revision;

import java.util.Set;
import java.util.UUID;

/** A user account was opened. */
@Revision("1")
public record UserRegisteredEvent(UUID userId, String username, String displayName, Set<PlatformRole> roles) {
}
