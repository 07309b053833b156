package dev.studybuddy.api.user;

import java.util.Locale;
import java.util.regex.Pattern;

/** The rule for user names: 3 to 32 of {@code [a-z0-9_.]}, compared case-insensitively. */
public final class Usernames {

    private static final Pattern VALID = Pattern.compile("[a-z0-9_.]{3,32}");

    private Usernames() {}

    /** Lower-cases the name and checks it, or throws {@link IllegalArgumentException}. */
    public static String requireValid(String username) {
        String normalized = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (!VALID.matcher(normalized).matches()) {
            throw new IllegalArgumentException("username must be 3-32 characters of a-z, 0-9, '_' and '.'");
        }
        return normalized;
    }
}
