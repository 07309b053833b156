package dev.studybuddy.api.user;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** An account was closed. */
@Revision("1")
public record UserDeactivatedEvent(UUID userId) implements ChangesSecurityStamp {}
