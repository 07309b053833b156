package dev.studybuddy.command.idempotency;

/**
 * The client's name for one intended effect ({@code Idempotency-Key} header): 1–255 visible ASCII characters.
 * A client makes a new one per intended effect (a UUID does well) and sends the same one with every retry.
 */
record IdempotencyKey(String value) {

    static final String HEADER = "Idempotency-Key";
    static final int MAX_LENGTH = 255;
    private static final char FIRST_VISIBLE = '!';
    private static final char LAST_VISIBLE = '~';

    IdempotencyKey {
        if (value == null
                || value.isEmpty()
                || value.length() > MAX_LENGTH
                || !value.chars().allMatch(c -> c >= FIRST_VISIBLE && c <= LAST_VISIBLE)) {
            throw new IllegalArgumentException(
                    HEADER + " must be 1 to " + MAX_LENGTH + " visible ASCII characters (no spaces).");
        }
    }
}
