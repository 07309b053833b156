package dev.studybuddy.api.membership;

/** How much of a group's activity notifies a member. */
public enum NotificationLevel {
    ALL,
    MENTIONS,
    NONE
}
