package dev.studybuddy.api.group;

import dev.studybuddy.api.text.TypedText;

/** The intrinsic limits of a group's details. */
public final class GroupRules {

    public static final int MIN_NAME = 3;
    public static final int MAX_NAME = 80;
    public static final int MAX_DESCRIPTION = 2_000;
    public static final int MIN_CAPACITY = 2;
    public static final int MAX_CAPACITY = 1_000;
    public static final int DEFAULT_CAPACITY = 50;

    private GroupRules() {}

    public static String requireName(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.length() < MIN_NAME || trimmed.length() > MAX_NAME) {
            throw new IllegalArgumentException("name must be " + MIN_NAME + "-" + MAX_NAME + " characters");
        }
        return TypedText.requireName("name", trimmed);
    }

    public static String requireDescription(String description) {
        String trimmed = description == null ? "" : description.strip();
        if (trimmed.length() > MAX_DESCRIPTION) {
            throw new IllegalArgumentException("description must be at most " + MAX_DESCRIPTION + " characters");
        }
        return TypedText.requireText("description", trimmed);
    }

    public static int requireCapacity(int capacity) {
        if (capacity < MIN_CAPACITY || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("capacity must be " + MIN_CAPACITY + "-" + MAX_CAPACITY);
        }
        return capacity;
    }
}
