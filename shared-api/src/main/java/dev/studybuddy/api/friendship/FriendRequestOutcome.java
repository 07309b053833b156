package dev.studybuddy.api.friendship;

/** What a friend request came to: pending, or accepted at once because it crossed theirs. */
public enum FriendRequestOutcome {
    PENDING,
    ACCEPTED
}
