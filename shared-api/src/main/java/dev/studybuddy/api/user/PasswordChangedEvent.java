package dev.studybuddy.api.user;

import org.axonframework.serialization.Revision;

import java.util.UUID;

/** The user changed their password: tokens issued before it no longer work. Holds no password or hash. */
@Revision("1")
public record PasswordChangedEvent(UUID userId) implements ChangesSecurityStamp {
}
