package dev.studybuddy.api.user;

import org.axonframework.serialization.Revision;

import java.util.UUID;

/** An account was closed. */
@Revision("1")
public record UserDeactivatedEvent(UUID userId) implements ChangesSecurityStamp {
}
