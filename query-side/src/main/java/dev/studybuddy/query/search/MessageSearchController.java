package dev.studybuddy.query.search;

import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import dev.studybuddy.api.friendship.FriendshipId;
import dev.studybuddy.platform.security.CurrentUser;
import dev.studybuddy.platform.web.CursorPage;
import dev.studybuddy.platform.web.Cursors;
import dev.studybuddy.query.consistency.ReadYourWrites;
import dev.studybuddy.query.group.GroupAccess;
import dev.studybuddy.query.realtime.Conversations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Full-text search over the messages the caller may read now (API.md "Message search"): their current groups'
 * and their own direct messages, ranked, with highlighted snippets, cursor-paged. A {@code conversationId}
 * narrows it to one conversation and is refused as that conversation's history would be: an outsider of a PUBLIC
 * group 403 {@code NOT_A_MEMBER}, a PRIVATE or unknown group, or a direct conversation not the caller's, 404;
 * a stalled roster 503 {@code ROSTER_BEHIND}. Send the token of a post, edit or deletion to read it here.
 */
@RestController
@ReadYourWrites(MessageSearchProjection.PROCESSING_GROUP)
class MessageSearchController {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 50;

    private final MessageIndex index;
    private final GroupAccess groups;

    MessageSearchController(MessageIndex index, GroupAccess groups) {
        this.index = index;
        this.groups = groups;
    }

    @GetMapping("/api/search/messages")
    @Operation(
            summary = "Search the messages the caller may read now",
            description =
                    "Full-text search over the caller's current groups and own direct messages: English word "
                            + "stems, \"phrases\", or, -word, and from:@username. Best match first, then newest; snippets are "
                            + "HTML-escaped with matches in <mark>. Deleted messages are never found. docs/api.md \"Message search\".")
    CursorPage<MessageHit> search(
            @Parameter(description = "Required, 1-200 characters, one line, no control characters")
                    @RequestParam(required = false)
                    String q,
            @Parameter(description = "Only this conversation: group:<groupId> or direct:<friendshipId>")
                    @RequestParam(required = false)
                    String conversationId,
            @Parameter(description = "Posted at or after this ISO-8601 instant") @RequestParam(required = false)
                    String from,
            @Parameter(description = "Posted before this ISO-8601 instant") @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "" + DEFAULT_LIMIT) @Min(1) @Max(MAX_LIMIT) int limit,
            @Parameter(description = "The nextCursor of the previous page of the same search")
                    @RequestParam(required = false)
                    String cursor) {
        MessageQuery query = MessageQuery.parse(q);
        Instant since = instant("from", from);
        Instant until = instant("to", to);
        if (since != null && until != null && !since.isBefore(until)) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "from must be before to.");
        }
        UUID me = CurrentUser.id();
        String conversation = conversationId == null ? null : readable(conversationId, me);
        String search = Integer.toHexString(Objects.hash(q.strip(), conversation, since, until));
        SearchCursor after = Cursors.given(cursor) ? SearchCursor.decode(cursor, search) : null;
        List<MessageIndex.Ranked> fetched = index.search(me, query, conversation, since, until, after, limit + 1);
        return CursorPage.of(
                        fetched,
                        limit,
                        ranked -> new SearchCursor(
                                        search,
                                        ranked.rank(),
                                        ranked.hit().postedAt(),
                                        ranked.hit().messageId())
                                .key())
                .map(MessageIndex.Ranked::hit);
    }

    /** The conversation id as the index keeps it (lower-case ids), once the caller may read it. */
    private String readable(String conversationId, UUID me) {
        if (Conversations.isGroup(conversationId)) {
            UUID groupId;
            try {
                groupId = Conversations.groupOf(conversationId);
            } catch (IllegalArgumentException e) {
                throw malformedConversation();
            }
            switch (groups.of(groupId, me)) {
                case MEMBER -> {}
                case OUTSIDER ->
                    throw new DomainException(ErrorCode.NOT_A_MEMBER, "Only members search the group's messages.");
                case HIDDEN -> throw new DomainException(ErrorCode.NOT_FOUND, "No such group.");
                case ROSTER_BEHIND -> throw GroupAccess.rosterBehind();
            }
            return Conversations.group(groupId);
        }
        if (!conversationId.startsWith(Conversations.direct(""))) {
            throw malformedConversation();
        }
        String friendshipId = Conversations.friendshipOf(conversationId);
        List<UUID> pair;
        try {
            pair = Conversations.participants(friendshipId);
        } catch (RuntimeException e) {
            throw malformedConversation();
        }
        if (!FriendshipId.of(pair.get(0), pair.get(1)).equalsIgnoreCase(friendshipId)) {
            throw malformedConversation();
        }
        if (!pair.contains(me)) {
            throw new DomainException(ErrorCode.NOT_FOUND, "No such conversation.");
        }
        return Conversations.direct(pair.get(0), pair.get(1));
    }

    private static DomainException malformedConversation() {
        return new DomainException(
                ErrorCode.VALIDATION_FAILED,
                "conversationId must be group:<groupId> or direct:<friendshipId>, as frames and histories carry it.");
    }

    private static Instant instant(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            Instant instant = Instant.parse(value);
            if (Cursors.storable(instant)) {
                return instant;
            }
        } catch (DateTimeParseException e) {
            // refused below
        }
        throw new DomainException(
                ErrorCode.VALIDATION_FAILED,
                name + " must be an ISO-8601 instant between the years 1 and 9999, such as 2026-05-01T00:00:00Z.");
    }
}
