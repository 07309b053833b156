package dev.studybuddy.query.file;

import dev.studybuddy.api.file.FileDeletedEvent;
import dev.studybuddy.api.file.FileRegisteredEvent;
import dev.studybuddy.api.friendship.DirectMessageDeletedEvent;
import dev.studybuddy.api.friendship.DirectMessageSentEvent;
import dev.studybuddy.api.group.GroupMessageDeletedEvent;
import dev.studybuddy.api.group.GroupMessagePostedEvent;
import dev.studybuddy.api.user.UserErasedEvent;
import dev.studybuddy.platform.messaging.HandlesOnly;
import dev.studybuddy.platform.personaldata.ErasedAuthors;
import dev.studybuddy.platform.personaldata.LockedTexts;
import dev.studybuddy.query.consistency.ProjectionPositions;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The files read model: uploads (StoredFile events) and who messages shared them with (the attachments
 * of group and direct messages; a message without any is not taken in). Applied once per event by ApplyOnce, with
 * the events' times, so a replay rebuilds identical rows.
 */
@Component
@ProcessingGroup(FilesProjection.PROCESSING_GROUP)
class FilesProjection {

    static final String PROCESSING_GROUP = "files";

    private final JdbcTemplate jdbc;
    private final ProjectionPositions positions;
    private final ErasedAuthors erasedAuthors;
    private final LockedTexts fileNames;

    FilesProjection(JdbcTemplate jdbc, ProjectionPositions positions, ErasedAuthors erasedAuthors) {
        this.jdbc = jdbc;
        this.positions = positions;
        this.erasedAuthors = erasedAuthors;
        this.fileNames = new LockedTexts(
                jdbc,
                "files",
                () -> {},
                owner -> jdbc.update("UPDATE files SET file_name = NULL WHERE owner_id = ?", owner));
    }

    @EventHandler
    void on(FileRegisteredEvent event, @Timestamp Instant at) {
        jdbc.update(
                """
                INSERT INTO files (file_id, owner_id, content_hash, size, content_type, file_name, purpose, uploaded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (file_id) DO NOTHING""",
                event.fileId(),
                event.ownerId(),
                event.contentHash(),
                event.size(),
                event.contentType(),
                event.fileName(),
                event.purpose().name(),
                utc(at));
        if (event.fileName() != null) {
            erasedAuthors.storing(fileNames, event.ownerId());
        }
    }

    @EventHandler
    void on(FileDeletedEvent event, @Timestamp Instant at) {
        fileNames.beforeChanging();
        jdbc.update("UPDATE files SET deleted_at = ? WHERE file_id = ?", utc(at), event.fileId());
    }

    /**
     * The erased owner's files are deleted too (their own events follow); no name of theirs stays, nor one that a
     * batch racing this one read with their key (docs/adr/0019).
     */
    @EventHandler
    void on(UserErasedEvent event) {
        fileNames.takeAwayForErasure(event.userId());
    }

    @EventHandler
    @HandlesOnly(SharesFiles.class)
    void on(GroupMessagePostedEvent event) {
        share(event.attachments(), event.messageId(), event.groupId(), null);
    }

    @EventHandler
    void on(GroupMessageDeletedEvent event) {
        // only the group's own shares: an admin may delete a message the group no longer remembers
        // (docs/adr/0007), so the id is not checked to be one of the group's
        jdbc.update(
                "DELETE FROM file_shares WHERE message_id = ? AND group_id = ?", event.messageId(), event.groupId());
    }

    @EventHandler
    @HandlesOnly(SharesFiles.class)
    void on(DirectMessageSentEvent event) {
        share(event.attachments(), event.messageId(), null, event.senderId());
        share(event.attachments(), event.messageId(), null, event.recipientId());
    }

    @EventHandler
    void on(DirectMessageDeletedEvent event) {
        unshare(event.messageId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM file_shares");
        jdbc.update("DELETE FROM files");
        positions.forget(PROCESSING_GROUP);
    }

    private void share(List<UUID> attachments, UUID messageId, UUID groupId, UUID userId) {
        if (attachments == null) {
            return;
        }
        for (UUID fileId : attachments) {
            jdbc.update("""
                    INSERT INTO file_shares (file_id, message_id, group_id, user_id) VALUES (?, ?, ?, ?)
                    ON CONFLICT DO NOTHING""", fileId, messageId, groupId, userId);
        }
    }

    private void unshare(UUID messageId) {
        jdbc.update("DELETE FROM file_shares WHERE message_id = ?", messageId);
    }

    /** A message with attachments; the others are not taken in at all (most messages have none). */
    static final class SharesFiles implements Predicate<Object> {

        @Override
        public boolean test(Object message) {
            List<UUID> attachments = message instanceof GroupMessagePostedEvent posted
                    ? posted.attachments()
                    : message instanceof DirectMessageSentEvent sent ? sent.attachments() : null;
            return attachments != null && !attachments.isEmpty();
        }
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
