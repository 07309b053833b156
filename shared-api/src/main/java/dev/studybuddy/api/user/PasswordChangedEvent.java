package dev.studybuddy.api.user;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The user changed their password: tokens issued before it no longer work. Holds no password or hash. */
@Revision("1")
public record PasswordChangedEvent(UUID userId) implements ChangesSecurityStamp {}
