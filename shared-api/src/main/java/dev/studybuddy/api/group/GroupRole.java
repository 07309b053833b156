package dev.studybuddy.api.group;

/** A member's role in a group; a group always has exactly one OWNER. */
public enum GroupRole {
    OWNER,
    ADMIN,
    MEMBER
}
