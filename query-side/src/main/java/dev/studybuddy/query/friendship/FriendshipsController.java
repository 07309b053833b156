package dev.studybuddy.query.friendship;

import dev.studybuddy.platform.security.CurrentUser;
import dev.studybuddy.platform.web.CursorPage;
import dev.studybuddy.query.consistency.ReadYourWrites;
import dev.studybuddy.query.web.SortKey;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.function.Function;
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

    private final FriendshipLists lists;

    FriendshipsController(FriendshipLists lists) {
        this.lists = lists;
    }

    @GetMapping("/api/friends")
    CursorPage<RelatedUser> friends(
            @RequestParam(defaultValue = "" + CursorPage.DEFAULT_LIMIT) @Min(1) @Max(CursorPage.MAX_LIMIT) int limit,
            @RequestParam(required = false) String cursor) {
        return page(after -> lists.friendsOf(CurrentUser.id(), after, limit + 1), limit, cursor);
    }

    @GetMapping("/api/friends/requests")
    CursorPage<RelatedUser> requests(
            @RequestParam(defaultValue = "incoming") String direction,
            @RequestParam(defaultValue = "" + CursorPage.DEFAULT_LIMIT) @Min(1) @Max(CursorPage.MAX_LIMIT) int limit,
            @RequestParam(required = false) String cursor) {
        RequestDirection parsed = RequestDirection.parse(direction);
        return page(after -> lists.requestsOf(CurrentUser.id(), parsed, after, limit + 1), limit, cursor);
    }

    @GetMapping("/api/blocks")
    CursorPage<RelatedUser> blocks(
            @RequestParam(defaultValue = "" + CursorPage.DEFAULT_LIMIT) @Min(1) @Max(CursorPage.MAX_LIMIT) int limit,
            @RequestParam(required = false) String cursor) {
        return page(after -> lists.blockedBy(CurrentUser.id(), after, limit + 1), limit, cursor);
    }

    private CursorPage<RelatedUser> page(Function<SortKey, List<RelatedUser>> list, int limit, String cursor) {
        List<RelatedUser> fetched = list.apply(SortKey.after(cursor));
        return CursorPage.of(fetched, limit, user -> FriendshipLists.keyOf(user).encode());
    }
}
