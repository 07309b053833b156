package dev.studybuddy.api.user;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The user's current e-mail address is verified. Holds no address (docs/adr/0004). */
@Revision("1")
public record EmailVerifiedEvent(UUID userId) {}
