package dev.studybuddy.api.group;

/** How a member got their seat. */
public enum JoinRoute {
    CREATED,
    OPEN,
    APPROVAL,
    INVITATION
}
