package dev.studybuddy.query.friendship;

import dev.studybuddy.query.web.SortKey;
import java.util.Objects;
import java.util.UUID;

/**
 * The queries on the friendships read model; each names whose lists it reads, since nobody reads
 * anyone else's. Pages are in user name order (then id), starting after {@code after}, {@code limit} rows.
 * (Answered inside query-side only; they move to shared-api when another service asks them.)
 */
final class FriendshipQueries {

    private FriendshipQueries() {}

    record FindFriendsQuery(UUID userId, SortKey after, int limit) {
        FindFriendsQuery {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(after, "after");
        }
    }

    record FindFriendRequestsQuery(UUID userId, RequestDirection direction, SortKey after, int limit) {
        FindFriendRequestsQuery {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(direction, "direction");
            Objects.requireNonNull(after, "after");
        }
    }

    record FindBlockedUsersQuery(UUID blockerId, SortKey after, int limit) {
        FindBlockedUsersQuery {
            Objects.requireNonNull(blockerId, "blockerId");
            Objects.requireNonNull(after, "after");
        }
    }
}
