package dev.studybuddy.api.user;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A deactivated account was opened again. It moves the security stamp like the deactivation did, so that every node
 * reads the account anew; no token from before the deactivation comes back.
 */
@Revision("1")
public record UserReactivatedEvent(UUID userId) implements ChangesSecurityStamp {}
