package dev.studybuddy.query.chat;

import dev.studybuddy.api.chat.MessageRules;
import dev.studybuddy.platform.security.CurrentUser;
import dev.studybuddy.platform.web.CursorPage;
import dev.studybuddy.query.consistency.ReadYourWrites;
import dev.studybuddy.query.realtime.Conversations;
import io.swagger.v3.oas.annotations.Operation;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A conversation's pinned messages (docs/api.md "Pins"), read by whoever reads its history: a group's by its members
 * (refused as its history is), a direct conversation's by its two users. The conversation holds at most
 * {@link MessageRules#MAX_PINS}, so the list is one page.
 */
@RestController
@ReadYourWrites(ChatProjection.PROCESSING_GROUP)
class PinsController {

    private final ChatPins pins;
    private final GroupHistoryAccess access;
    private final DirectHistoryAccess directAccess;

    PinsController(ChatPins pins, GroupHistoryAccess access, DirectHistoryAccess directAccess) {
        this.pins = pins;
        this.access = access;
        this.directAccess = directAccess;
    }

    @GetMapping("/api/groups/{groupId}/pins")
    @Operation(
            summary = "The group's pinned messages, the latest pin first (members only)",
            description = "Items {seq, messageId, pinnedBy, pinnedAt, message}; seq is the pin's event. An outsider of "
                    + "a PUBLIC group 403 NOT_A_MEMBER, of a PRIVATE or unknown group 404 NOT_FOUND.")
    CursorPage<PinnedMessageView> groupPins(@PathVariable UUID groupId) {
        access.requireMember(groupId, CurrentUser.id());
        return new CursorPage<>(pins.pins(Conversations.group(groupId), MessageRules.MAX_PINS, CurrentUser.id()), null);
    }

    @GetMapping("/api/direct/{userId}/pins")
    @Operation(summary = "The pinned messages of the caller's direct conversation with userId, the latest pin first")
    CursorPage<PinnedMessageView> directPins(@PathVariable UUID userId) {
        UUID me = CurrentUser.id();
        return new CursorPage<>(pins.pins(directAccess.conversationWith(me, userId), MessageRules.MAX_PINS, me), null);
    }
}
