package dev.studybuddy.api.user;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The user ended all their sessions. */
@Revision("1")
public record SignedOutEverywhereEvent(UUID userId) implements ChangesSecurityStamp {}
