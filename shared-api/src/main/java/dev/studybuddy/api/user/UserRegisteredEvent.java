package dev.studybuddy.api.user;

import java.util.Set;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A user account was opened. */
@Revision("1")
public record UserRegisteredEvent(UUID userId, String username, String displayName, Set<PlatformRole> roles) {}
