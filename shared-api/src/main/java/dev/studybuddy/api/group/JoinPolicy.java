package dev.studybuddy.api.group;

/** How users get in: at once, by an approved request, or only by invitation. */
public enum JoinPolicy {
    OPEN,
    APPROVAL,
    INVITE_ONLY
}
