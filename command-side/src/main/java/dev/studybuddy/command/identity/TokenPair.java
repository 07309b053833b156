package dev.studybuddy.command.identity;

/** What login and refresh answer with (API.md). */
record TokenPair(String accessToken, String refreshToken, String tokenType, long expiresIn) {

    static TokenPair bearer(String accessToken, String refreshToken, long expiresIn) {
        return new TokenPair(accessToken, refreshToken, "Bearer", expiresIn);
    }
}
