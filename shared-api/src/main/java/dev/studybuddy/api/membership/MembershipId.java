package dev.studybuddy.api.membership;

import java.util.UUID;

/** The identity of a member's seat in a group. */
public final class MembershipId {

    private MembershipId() {}

    public static String of(UUID groupId, UUID userId) {
        return groupId + ":" + userId;
    }
}
