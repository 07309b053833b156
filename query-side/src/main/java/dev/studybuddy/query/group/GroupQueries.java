package dev.studybuddy.query.group;

import dev.studybuddy.query.web.SortKey;
import java.util.Objects;
import java.util.UUID;

/**
 * The queries on the groups read model. They answer what is there; whether the viewer may see it is
 * the caller's decision ({@link GroupsController}). Pages start after {@code after}, {@code limit} rows.
 * (Answered inside query-side only; they move to shared-api when another service asks them.)
 */
final class GroupQueries {

    private GroupQueries() {}

    /** A group with {@code viewerId}'s role in it. */
    record FindGroupQuery(UUID groupId, UUID viewerId) {
        FindGroupQuery {
            Objects.requireNonNull(groupId, "groupId");
            Objects.requireNonNull(viewerId, "viewerId");
        }
    }

    /** Groups in name order whose name starts with {@code prefix} (case-insensitively). */
    record ListGroupsQuery(UUID viewerId, GroupScope scope, String prefix, SortKey after, int limit) {
        ListGroupsQuery {
            Objects.requireNonNull(viewerId, "viewerId");
            Objects.requireNonNull(scope, "scope");
            prefix = Objects.requireNonNullElse(prefix, "").strip();
            Objects.requireNonNull(after, "after");
        }

        /** The prefix as a LIKE pattern, with its own {@code %} and {@code _} matched literally. */
        String likePattern() {
            return prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        }
    }

    /** Members in user name order. */
    record FindRosterQuery(UUID groupId, SortKey after, int limit) {
        FindRosterQuery {
            Objects.requireNonNull(groupId, "groupId");
            Objects.requireNonNull(after, "after");
        }
    }

    /** Pending join requests in user name order. */
    record FindJoinRequestsQuery(UUID groupId, SortKey after, int limit) {
        FindJoinRequestsQuery {
            Objects.requireNonNull(groupId, "groupId");
            Objects.requireNonNull(after, "after");
        }
    }

    /** {@code inviteeId}'s pending invitations in group name order. */
    record FindInvitationsQuery(UUID inviteeId, SortKey after, int limit) {
        FindInvitationsQuery {
            Objects.requireNonNull(inviteeId, "inviteeId");
            Objects.requireNonNull(after, "after");
        }
    }
}
