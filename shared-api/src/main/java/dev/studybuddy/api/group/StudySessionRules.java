package dev.studybuddy.api.group;

import dev.studybuddy.api.text.TypedText;
import java.time.Duration;

/** The intrinsic limits of a study session. */
public final class StudySessionRules {

    public static final int MAX_TITLE = 120;
    public static final int MIN_DURATION_MINUTES = 5;
    public static final int MAX_DURATION_MINUTES = 720;
    /** How far ahead a session may be scheduled: far enough for a term, and every date stays one a calendar can hold. */
    public static final Duration MAX_LEAD = Duration.ofDays(366);

    private StudySessionRules() {}

    public static String requireTitle(String title) {
        String trimmed = title == null ? "" : title.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_TITLE) {
            throw new IllegalArgumentException("title must be 1-" + MAX_TITLE + " characters");
        }
        return TypedText.requireName("title", trimmed);
    }

    public static int requireDuration(int minutes) {
        if (minutes < MIN_DURATION_MINUTES || minutes > MAX_DURATION_MINUTES) {
            throw new IllegalArgumentException(
                    "durationMinutes must be " + MIN_DURATION_MINUTES + "-" + MAX_DURATION_MINUTES);
        }
        return minutes;
    }
}
