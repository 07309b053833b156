package dev.studybuddy.query.chat;

import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import dev.studybuddy.platform.security.CurrentUser;
import dev.studybuddy.query.consistency.ReadYourWrites;
import dev.studybuddy.query.realtime.Conversations;
import dev.studybuddy.query.user.PrivacySettings;
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
    void receipts(@Valid @RequestBody ReceiptsSetting request) {
        privacy.shareReceipts(CurrentUser.id(), request.enabled());
    }

    record ReceiptsSetting(@NotNull Boolean enabled) {}

    record Readers(List<GroupReaders.Reader> items) {}
}
