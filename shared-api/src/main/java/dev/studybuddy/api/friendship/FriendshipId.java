package dev.studybuddy.api.friendship;

import java.util.UUID;

/**
 * The identity of the one Friendship aggregate of two users: the same whichever of them asks, which
 * makes a second aggregate for a pair impossible.
 */
public final class FriendshipId {

    private FriendshipId() {}

    public static String of(UUID one, UUID other) {
        return one.compareTo(other) <= 0 ? one + "_" + other : other + "_" + one;
    }
}
