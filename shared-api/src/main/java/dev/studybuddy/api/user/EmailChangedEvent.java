package dev.studybuddy.api.user;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The user's e-mail address changed: the new one is not verified yet, and tokens issued before no longer work. Holds
 * no address (docs/adr/0004).
 */
@Revision("1")
public record EmailChangedEvent(UUID userId) implements ChangesSecurityStamp {}
