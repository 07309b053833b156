package dev.studybuddy.platform.security;

import java.util.List;

/** Paths a service serves without an access token (register, login, the JWKS, …). */
public record PublicEndpoints(List<String> patterns) {

    public static PublicEndpoints of(String... patterns) {
        return new PublicEndpoints(List.of(patterns));
    }
}
