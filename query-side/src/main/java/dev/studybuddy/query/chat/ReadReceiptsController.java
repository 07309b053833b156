package dev.studybuddy.query.chat;

import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import dev.studybuddy.platform.security.CurrentUser;
import dev.studybuddy.query.consistency.ReadYourWrites;
import dev.studybuddy.query.realtime.Conversations;
import dev.studybuddy.query.user.PrivacySettings;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read receipts (docs/api.md "Read receipts"). Receipts go both ways or not at all: a user who turns them off is
 * shown to nobody as having read anything, and sees nobody's reads either (an empty list here, {@code otherReadSeq}
 * null on {@code GET /api/direct}, no {@code read.advanced} frames). A group's readers are for its members only,
 * refused as its history is.
 */
@RestController
class ReadReceiptsController {

    private final ChatViews views;
    private final GroupHistoryAccess access;
    private final GroupReaders readers;
    private final PrivacySettings privacy;

    ReadReceiptsController(ChatViews views, GroupHistoryAccess access, GroupReaders readers, PrivacySettings privacy) {
        this.views = views;
        this.access = access;
        this.readers = readers;
        this.privacy = privacy;
    }

    /** The members (the author aside) whose read position has reached the message, in user name order. */
    @GetMapping("/api/groups/{groupId}/messages/{messageId}/readers")
    @ReadYourWrites(ChatProjection.PROCESSING_GROUP)
    @Operation(
            summary = "The members whose read position has passed the message (members only)",
            description =
                    "Items {userId, username, displayName, readSeq}, in user name order, the author left out; empty while "
                            + "the caller has turned receipts off, and a member who turned them off is never listed. An "
                            + "outsider of a PUBLIC group 403 NOT_A_MEMBER, of a PRIVATE or unknown group 404 NOT_FOUND; an "
                            + "unknown message 404 NOT_FOUND; 503 ROSTER_BEHIND while the group's roster is not up to date.")
    Readers readers(@PathVariable UUID groupId, @PathVariable UUID messageId) {
        UUID me = CurrentUser.id();
        access.requireMember(groupId, me);
        ChatMessageView message = views.message(Conversations.group(groupId), messageId)
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "No such message in this group."));
        if (!privacy.receiptsEnabled(me)) {
            return new Readers(List.of());
        }
        return new Readers(readers.of(groupId, message));
    }

    @PutMapping("/api/users/me/receipts")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            summary = "Share read receipts or not: {enabled: true|false}",
            description = "204. Off, the caller's reads are shown to nobody and the caller sees nobody's (otherReadSeq "
                    + "null, no read.advanced frames, empty readers lists). A missing or non-boolean enabled 400.")
    void receipts(@Valid @RequestBody ReceiptsSetting request) {
        privacy.shareReceipts(CurrentUser.id(), request.enabled());
    }

    record ReceiptsSetting(@NotNull Boolean enabled) {}

    record Readers(List<GroupReaders.Reader> items) {}
}
