package dev.studybuddy.query.chat;

import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import dev.studybuddy.platform.security.CurrentUser;
import dev.studybuddy.platform.web.CursorPage;
import dev.studybuddy.platform.web.Cursors;
import dev.studybuddy.query.consistency.ReadYourWrites;
import dev.studybuddy.query.realtime.Conversations;
import dev.studybuddy.query.user.PrivacySettings;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Conversation history, unread counts and the direct conversations list (API.md). A group's messages
 * are read by its members only (a PUBLIC group's outsider gets 403, anyone else 404 as for an unknown
 * group, like the group endpoints; while the group's roster is stalled, 503 {@code ROSTER_BEHIND}); a direct conversation is always the caller's own with {@code userId}
 * ({@link DirectHistoryAccess}).
 * <p>
 * History pages: {@code beforeSeq} (or neither) pages backwards, newest first, {@code nextCursor} being
 * the seq to send as the next {@code beforeSeq}; {@code afterSeq} returns every message posted, edited, deleted or
 * reacted to after that seq in order of change, {@code nextCursor} being the {@code changeSeq} to send as the
 * next {@code afterSeq} while more are waiting. Both are plain numbers, null on the last page.
 */
@RestController
@ReadYourWrites(ChatProjection.PROCESSING_GROUP)
class ChatController {

    private final ChatViews views;
    private final ChatReadPositions readPositions;
    private final DirectConversations directs;
    private final GroupHistoryAccess access;
    private final DirectHistoryAccess directAccess;
    private final PrivacySettings privacy;

    ChatController(
            ChatViews views,
            ChatReadPositions readPositions,
            DirectConversations directs,
            GroupHistoryAccess access,
            DirectHistoryAccess directAccess,
            PrivacySettings privacy) {
        this.views = views;
        this.readPositions = readPositions;
        this.directs = directs;
        this.access = access;
        this.directAccess = directAccess;
        this.privacy = privacy;
    }

    @GetMapping("/api/groups/{groupId}/messages")
    CursorPage<ChatMessageView> groupMessages(
            @PathVariable UUID groupId,
            @RequestParam(required = false) @Min(0) Long beforeSeq,
            @RequestParam(required = false) @Min(-1) Long afterSeq,
            @RequestParam(defaultValue = "" + CursorPage.DEFAULT_LIMIT) @Min(1) @Max(CursorPage.MAX_LIMIT) int limit) {
        requireMember(groupId);
        return history(Conversations.group(groupId), beforeSeq, afterSeq, limit);
    }

    @GetMapping("/api/direct/{userId}/messages")
    CursorPage<ChatMessageView> directMessages(
            @PathVariable UUID userId,
            @RequestParam(required = false) @Min(0) Long beforeSeq,
            @RequestParam(required = false) @Min(-1) Long afterSeq,
            @RequestParam(defaultValue = "" + CursorPage.DEFAULT_LIMIT) @Min(1) @Max(CursorPage.MAX_LIMIT) int limit) {
        return history(directAccess.conversationWith(CurrentUser.id(), userId), beforeSeq, afterSeq, limit);
    }

    /**
     * The caller's direct conversations, latest activity first, each with its latest message, unread count and how
     * far the friend has read ({@code otherReadSeq}, null unless both share read receipts).
     */
    @GetMapping("/api/direct")
    CursorPage<DirectConversation> conversations(
            @RequestParam(defaultValue = "" + CursorPage.DEFAULT_LIMIT) @Min(1) @Max(CursorPage.MAX_LIMIT) int limit,
            @RequestParam(required = false) String cursor) {
        UUID me = CurrentUser.id();
        List<DirectConversationEntry> fetched = directs.of(me, key(cursor), limit + 1);
        Set<UUID> withoutReceipts = privacy.withoutReceipts(
                Stream.concat(Stream.of(me), fetched.stream().map(DirectConversationEntry::otherUserId))
                        .collect(Collectors.toSet()));
        return CursorPage.of(fetched, limit, entry -> entry.lastAt().toEpochMilli() + "|" + entry.conversationId())
                .map(entry -> new DirectConversation(
                        entry.otherUserId(),
                        entry.conversationId(),
                        views.latest(entry.conversationId(), me).orElse(null),
                        readPositions.of(entry.conversationId(), me),
                        views.unread(entry.conversationId(), me),
                        withoutReceipts.contains(me) || withoutReceipts.contains(entry.otherUserId())
                                ? null
                                : readPositions.of(entry.conversationId(), entry.otherUserId())));
    }

    @GetMapping("/api/groups/{groupId}/unread")
    Unread groupUnread(@PathVariable UUID groupId) {
        requireMember(groupId);
        String conversationId = Conversations.group(groupId);
        UUID me = CurrentUser.id();
        return new Unread(
                conversationId,
                views.latest(conversationId, me).map(ChatMessageView::seq).orElse(null),
                readPositions.of(conversationId, me),
                views.unread(conversationId, me));
    }

    private CursorPage<ChatMessageView> history(String conversationId, Long beforeSeq, Long afterSeq, int limit) {
        if (beforeSeq != null && afterSeq != null) {
            throw new DomainException(ErrorCode.MALFORMED_REQUEST, "Send beforeSeq or afterSeq, not both.");
        }
        if (afterSeq != null) {
            List<ChatMessageView> changed = views.changedAfter(conversationId, afterSeq, limit + 1, CurrentUser.id());
            return page(changed, limit, message -> message.changeSeq());
        }
        List<ChatMessageView> earlier = views.before(
                conversationId, beforeSeq == null ? Long.MAX_VALUE : beforeSeq, limit + 1, CurrentUser.id());
        return page(earlier, limit, ChatMessageView::seq);
    }

    private static CursorPage<ChatMessageView> page(
            List<ChatMessageView> fetched, int limit, java.util.function.ToLongFunction<ChatMessageView> cursorOf) {
        if (fetched.size() <= limit) {
            return new CursorPage<>(fetched, null);
        }
        List<ChatMessageView> items = fetched.subList(0, limit);
        return new CursorPage<>(items, Long.toString(cursorOf.applyAsLong(items.get(limit - 1))));
    }

    private void requireMember(UUID groupId) {
        access.requireMember(groupId, CurrentUser.id());
    }

    private static DirectConversationEntry.Key key(String cursor) {
        if (!Cursors.given(cursor)) {
            return null;
        }
        String key = Cursors.decode(cursor);
        int separator = key.indexOf('|');
        Instant lastActivity;
        try {
            lastActivity = Instant.ofEpochMilli(Long.parseLong(key.substring(0, separator)));
        } catch (RuntimeException e) {
            throw new DomainException(ErrorCode.MALFORMED_REQUEST, "The cursor is not one this list issued.");
        }
        return new DirectConversationEntry.Key(Cursors.storableTime(lastActivity), key.substring(separator + 1));
    }

    /** An item of {@code GET /api/direct}; {@code otherReadSeq} is -1 before the friend's first read. */
    record DirectConversation(
            UUID userId,
            String conversationId,
            ChatMessageView lastMessage,
            long readSeq,
            long unreadCount,
            Long otherReadSeq) {}

    /** {@code GET /api/groups/{groupId}/unread}: {@code readSeq} is -1 before the first read. */
    record Unread(String conversationId, Long lastSeq, long readSeq, long unreadCount) {}
}
