package dev.studybuddy.api.user;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The user was erased: their personal data key is destroyed, so every personal field of their events reads as
 * {@code null} from now on, and the read models forget what they held of them (docs/adr/0019). Closes the
 * account and, like every {@link ChangesSecurityStamp} event, ends all of its sessions.
 */
@Revision("1")
public record UserErasedEvent(UUID userId) implements ChangesSecurityStamp {}
