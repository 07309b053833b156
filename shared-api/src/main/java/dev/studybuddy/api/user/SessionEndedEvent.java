package dev.studybuddy.api.user;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The user (or a logout) ended one session: the access tokens whose {@code sid} is {@code sessionId} are refused
 * from now on, the user's other sessions go on. Unlike {@link ChangesSecurityStamp} events it leaves the security
 * stamp where it is.
 */
@Revision("1")
public record SessionEndedEvent(UUID userId, UUID sessionId) {}
