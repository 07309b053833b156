package dev.studybuddy.notification.erasure;

import dev.studybuddy.api.user.UserErasedEvent;
import dev.studybuddy.notification.log.ErasedRecipients;
import dev.studybuddy.notification.recipients.RecipientsProjection;
import dev.studybuddy.platform.personaldata.PersonalDataKeys;
import java.time.Instant;
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

    private final JdbcTemplate jdbc;
    private final PersonalDataKeys keys;
    private final ErasedRecipients erased;
    private final AuthorTexts authorTexts;

    NotificationErasure(JdbcTemplate jdbc, PersonalDataKeys keys, ErasedRecipients erased, AuthorTexts authorTexts) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.erased = erased;
        this.authorTexts = authorTexts;
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
        authorTexts.takeAwayForErasure(event.userId());
    }
}
