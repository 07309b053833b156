package dev.studybuddy.api.user;

import org.axonframework.serialization.Revision;

import java.util.UUID;

/**
 * The user's e-mail address changed: the new one is not verified yet, and tokens issued before no longer work. Holds
 * no address (docs/adr/0004).
 */
@Revision("1")
public record EmailChangedEvent(UUID userId) implements ChangesSecurityStamp {
}
