package dev.studybuddy.api.user;

import dev.studybuddy.api.text.TypedText;

/** The rule for display names: 1 to 64 characters after trimming, a name by {@link TypedText}'s rule. */
public final class DisplayNames {

    public static final int MAX_LENGTH = 64;

    private DisplayNames() {}

    /** Trims the name and checks it, or throws {@link IllegalArgumentException}. */
    public static String requireValid(String displayName) {
        String trimmed = displayName == null ? "" : displayName.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("displayName must be 1-" + MAX_LENGTH + " characters");
        }
        return TypedText.requireName("displayName", trimmed);
    }
}
