package dev.studybuddy.api.user;

import org.axonframework.serialization.Revision;

import java.util.UUID;

/** The user ended all their sessions. */
@Revision("1")
public record SignedOutEverywhereEvent(UUID userId) implements ChangesSecurityStamp {
}
