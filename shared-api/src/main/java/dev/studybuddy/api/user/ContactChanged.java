package dev.studybuddy.api.user;

import java.util.Objects;
import java.util.UUID;

/**
 * A user's e-mail address as identity now knows it, published by command-side over RabbitMQ (never an event:
 * addresses stay out of the event log, docs/adr/0004). Not an Axon message: JSON on the identity exchange.
 *
 * @param email    the address to use; {@code null} means forget it (the account was closed)
 * @param verified whether its owner has proved they read mail there; nothing but account mail (verification,
 *                 password reset) goes to an address that is not (absent in older messages: false)
 * @param version  grows with every change of any address; a receiver keeps the highest version it has seen per
 *                 user and ignores anything older, so redeliveries and out-of-order messages change nothing
 */
public record ContactChanged(UUID userId, String email, boolean verified, long version) {

    public ContactChanged {
        Objects.requireNonNull(userId, "userId");
        if (version <= 0) {
            throw new IllegalArgumentException("version must be positive");
        }
    }
}
