package dev.studybuddy.query.friendship;

import dev.studybuddy.platform.security.CurrentUser;
import dev.studybuddy.platform.web.CursorPage;
import dev.studybuddy.query.consistency.ReadYourWrites;
import dev.studybuddy.query.friendship.FriendshipQueries.FindBlockedUsersQuery;
import dev.studybuddy.query.friendship.FriendshipQueries.FindFriendRequestsQuery;
import dev.studybuddy.query.friendship.FriendshipQueries.FindFriendsQuery;
import dev.studybuddy.query.web.SortKey;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.function.Function;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own friends, pending requests and blocks (API.md, Friendships). There is no way to name
 * another user: every list is the signed-in user's.
 */
@RestController
@ReadYourWrites(FriendshipsProjection.PROCESSING_GROUP)
class FriendshipsController {

    private final QueryGateway queryGateway;

    FriendshipsController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    @GetMapping("/api/friends")
    CursorPage<RelatedUser> friends(
            @RequestParam(defaultValue = "" + CursorPage.DEFAULT_LIMIT) @Min(1) @Max(CursorPage.MAX_LIMIT) int limit,
            @RequestParam(required = false) String cursor) {
        return page(after -> new FindFriendsQuery(CurrentUser.id(), after, limit + 1), limit, cursor);
    }

    @GetMapping("/api/friends/requests")
    CursorPage<RelatedUser> requests(
            @RequestParam(defaultValue = "incoming") String direction,
            @RequestParam(defaultValue = "" + CursorPage.DEFAULT_LIMIT) @Min(1) @Max(CursorPage.MAX_LIMIT) int limit,
            @RequestParam(required = false) String cursor) {
        RequestDirection parsed = RequestDirection.parse(direction);
        return page(after -> new FindFriendRequestsQuery(CurrentUser.id(), parsed, after, limit + 1), limit, cursor);
    }

    @GetMapping("/api/blocks")
    CursorPage<RelatedUser> blocks(
            @RequestParam(defaultValue = "" + CursorPage.DEFAULT_LIMIT) @Min(1) @Max(CursorPage.MAX_LIMIT) int limit,
            @RequestParam(required = false) String cursor) {
        return page(after -> new FindBlockedUsersQuery(CurrentUser.id(), after, limit + 1), limit, cursor);
    }

    private CursorPage<RelatedUser> page(Function<SortKey, Object> query, int limit, String cursor) {
        List<RelatedUser> fetched = queryGateway
                .query(query.apply(SortKey.after(cursor)), ResponseTypes.multipleInstancesOf(RelatedUser.class))
                .join();
        return CursorPage.of(fetched, limit, user -> FriendshipLists.keyOf(user).encode());
    }
}
