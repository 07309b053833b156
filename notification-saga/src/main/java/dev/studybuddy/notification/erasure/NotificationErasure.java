package dev.studybuddy.notification.erasure;

import dev.studybuddy.api.user.UserErasedEvent;
import dev.studybuddy.notification.log.ErasedRecipients;
import dev.studybuddy.notification.recipients.RecipientsProjection;
import dev.studybuddy.platform.personaldata.PersonalDataKeys;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What this service holds of an erased user (docs/adr/0019): their address (the row stays, without it, so that a late
 * contact message cannot bring it back, as for a closed account), their name among the recipients, and every text of
 * theirs in the NotificationLog: the notifications they received keep ids, channel, status and times but no payload
 * or error (an error may quote the address), and the notifications that name them lose the name and, for a message of
 * theirs, its excerpt. Every notification to them not yet delivered is cancelled, and none is written for them
 * afterwards ({@link ErasedRecipients}). In the recipients processing group, so that it follows their registration in a replay.
 */
@Component
@ProcessingGroup(RecipientsProjection.PROCESSING_GROUP)
class NotificationErasure {

    /** Each payload field that holds a user id, and the texts of that user's beside it (the payload records). */
    static final Map<String, List<String>> NAMED_BY_ID = Map.ofEntries(
            Map.entry("authorId", List.of("authorName", "excerpt")),
            Map.entry("senderId", List.of("senderName", "excerpt")),
            Map.entry("requesterId", List.of("requesterName")),
            Map.entry("approvedBy", List.of("approvedByName")),
            Map.entry("rejectedBy", List.of("rejectedByName")),
            Map.entry("invitedBy", List.of("invitedByName")),
            Map.entry("inviteeId", List.of("inviteeName")),
            Map.entry("removedBy", List.of("removedByName")),
            Map.entry("bannedBy", List.of("bannedByName")),
            Map.entry("changedBy", List.of("changedByName")),
            Map.entry("previousOwnerId", List.of("previousOwnerName")));

    private final JdbcTemplate jdbc;
    private final PersonalDataKeys keys;
    private final ErasedRecipients erased;

    NotificationErasure(JdbcTemplate jdbc, PersonalDataKeys keys, ErasedRecipients erased) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.erased = erased;
    }

    @EventHandler
    void on(UserErasedEvent event, @Timestamp Instant at) {
        keys.evict(event.userId());
        // first, so that the texts below are blanked in the rows of every write that was under way too
        erased.erase(event.userId(), at);
        String userId = event.userId().toString();
        jdbc.update(
                "UPDATE notification_contacts SET email = NULL, verified = false WHERE user_id = ?", event.userId());
        jdbc.update(
                "UPDATE recipient_users SET username = NULL, display_name = NULL WHERE user_id = ?", event.userId());
        jdbc.update(
                "UPDATE notification_log SET payload = '{}'::jsonb, last_error = NULL WHERE recipient = ?",
                event.userId());
        jdbc.update("""
                UPDATE notification_attempts SET error = NULL
                WHERE notification_id IN (SELECT id FROM notification_log WHERE recipient = ?)""", event.userId());
        NAMED_BY_ID.forEach((idField, texts) -> {
            String removal = String.join(
                    " ", texts.stream().map(text -> "- '" + text + "'").toList());
            jdbc.update(
                    "UPDATE notification_log SET payload = payload " + removal + " WHERE payload->>'" + idField
                            + "' = ?",
                    userId);
        });
    }
}
