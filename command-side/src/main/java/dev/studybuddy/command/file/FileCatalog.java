package dev.studybuddy.command.file;

import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import dev.studybuddy.api.file.DeleteFileCommand;
import dev.studybuddy.api.file.FilePurpose;
import dev.studybuddy.api.file.RegisterFileCommand;
import dev.studybuddy.api.user.RemoveAvatarCommand;
import dev.studybuddy.platform.security.AccountAuthority;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * command-side's own record of the files (PostgreSQL schema {@code files}): who owns which live file, and
 * each owner's total, which decides the quota. A registration or deletion changes these rows and sends
 * its command in one transaction, holding the owner's {@code quota_usage} row locked, so that concurrent
 * uploads of one user cannot together pass the quota, and a refused command leaves no row behind.
 * Decisions that other commands take about files (attachments, avatars) read it: it is written in the
 * same transaction as the event, never eventually.
 */
@Component
public class FileCatalog {

    private final JdbcTemplate jdbc;
    private final CommandGateway commandGateway;
    private final UploadLimits limits;
    private final Clock clock;
    private final AccountAuthority accounts;

    FileCatalog(
            JdbcTemplate jdbc,
            CommandGateway commandGateway,
            UploadLimits limits,
            Clock clock,
            AccountAuthority accounts) {
        this.jdbc = jdbc;
        this.commandGateway = commandGateway;
        this.limits = limits;
        this.clock = clock;
        this.accounts = accounts;
    }

    /** Bytes the owner's live files take; read without a lock, to stop an upload early. */
    long usage(UUID ownerId) {
        List<Long> used =
                jdbc.queryForList("SELECT bytes_used FROM files.quota_usage WHERE owner_id = ?", Long.class, ownerId);
        return used.isEmpty() ? 0 : used.get(0);
    }

    /**
     * An upload that waited on the owner's row while their account was erased (which holds it, see
     * {@link #eraseAllOf}) finds the account closed and registers nothing: no file of theirs outlives the erasure.
     */
    @Transactional
    public void register(RegisterFileCommand command) {
        long used = lockUsage(command.ownerId());
        if (!accounts.read(command.ownerId()).active()) {
            throw new DomainException(ErrorCode.UNAUTHENTICATED, "This account is closed.");
        }
        if (used + command.size() > limits.quotaPerUser().toBytes()) {
            throw quotaExceeded();
        }
        jdbc.update(
                """
                INSERT INTO files.stored_files (file_id, owner_id, content_hash, size, content_type, file_name, purpose, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                command.fileId(),
                command.ownerId(),
                command.contentHash(),
                command.size(),
                command.contentType(),
                command.fileName(),
                command.purpose().name(),
                Timestamp.from(clock.instant()));
        jdbc.update(
                "UPDATE files.quota_usage SET bytes_used = bytes_used + ? WHERE owner_id = ?",
                command.size(),
                command.ownerId());
        commandGateway.sendAndWait(command);
    }

    /** A deleted avatar is its owner's avatar no more (before the file's own command, which is sent last). */
    @Transactional
    public void delete(UUID fileId, UUID requesterId) {
        // the owner's row before the file's, in the order the erasure takes them (eraseAllOf)
        lockUsage(requesterId);
        List<LiveFile> found = jdbc.query(
                """
                SELECT size, purpose FROM files.stored_files
                WHERE file_id = ? AND owner_id = ? AND deleted_at IS NULL FOR UPDATE""",
                (row, index) -> new LiveFile(row.getLong("size"), FilePurpose.valueOf(row.getString("purpose"))),
                fileId,
                requesterId);
        if (found.isEmpty()) {
            throw new DomainException(ErrorCode.NOT_FOUND, "No such file.");
        }
        LiveFile file = found.get(0);
        jdbc.update(
                "UPDATE files.stored_files SET deleted_at = ? WHERE file_id = ?",
                Timestamp.from(clock.instant()),
                fileId);
        jdbc.update(
                "UPDATE files.quota_usage SET bytes_used = bytes_used - ? WHERE owner_id = ?",
                file.size(),
                requesterId);
        if (file.purpose() == FilePurpose.AVATAR) {
            commandGateway.sendAndWait(RemoveAvatarCommand.ifItIs(requesterId, fileId));
        }
        commandGateway.sendAndWait(new DeleteFileCommand(fileId, requesterId));
    }

    private record LiveFile(long size, FilePurpose purpose) {}

    /**
     * An erased user's files: each live one is deleted as its owner would delete it (its blob goes the way of any
     * deleted file), and no row keeps a file's name (docs/adr/0019). The owner's row is locked first, until the
     * erasure commits: an upload under way registers before (and its file is deleted here) or after, and then finds
     * the account closed.
     */
    @Transactional
    public void eraseAllOf(UUID ownerId) {
        lockUsage(ownerId);
        List<UUID> live = jdbc.queryForList(
                "SELECT file_id FROM files.stored_files WHERE owner_id = ? AND deleted_at IS NULL",
                UUID.class,
                ownerId);
        for (UUID fileId : live) {
            delete(fileId, ownerId);
        }
        jdbc.update("UPDATE files.stored_files SET file_name = '' WHERE owner_id = ?", ownerId);
    }

    /** Message attachments must be live files of the sender's own. */
    public void requireOwnFiles(UUID ownerId, Collection<UUID> fileIds) {
        if (fileIds == null || fileIds.isEmpty()) {
            return;
        }
        Set<UUID> wanted = Set.copyOf(fileIds);
        String placeholders = wanted.stream().map(id -> "?").collect(Collectors.joining(","));
        Object[] arguments = new Object[wanted.size() + 1];
        arguments[0] = ownerId;
        System.arraycopy(wanted.toArray(), 0, arguments, 1, wanted.size());
        Integer found = jdbc.queryForObject(
                "SELECT count(*) FROM files.stored_files WHERE owner_id = ? AND deleted_at IS NULL"
                        + " AND file_id IN (" + placeholders + ")",
                Integer.class,
                arguments);
        if (found == null || found != wanted.size()) {
            throw new DomainException(
                    ErrorCode.RULE_VIOLATED, "Attachments must be files you uploaded and have not deleted.");
        }
    }

    /**
     * An avatar must be a live AVATAR upload of the user's own (so an image, within the avatar limit); its row stays
     * locked for the caller's transaction, which makes it the avatar before a deletion of the file may go on.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockOwnAvatar(UUID ownerId, UUID fileId) {
        List<UUID> found = jdbc.queryForList("""
                SELECT file_id FROM files.stored_files
                WHERE file_id = ? AND owner_id = ? AND purpose = ? AND deleted_at IS NULL FOR UPDATE""", UUID.class, fileId, ownerId, FilePurpose.AVATAR.name());
        if (found.isEmpty()) {
            throw new DomainException(
                    ErrorCode.RULE_VIOLATED, "An avatar must be an image you uploaded with purpose AVATAR.");
        }
    }

    static DomainException quotaExceeded() {
        return new DomainException(ErrorCode.STORAGE_QUOTA_EXCEEDED, "This upload would exceed your storage quota.");
    }

    private long lockUsage(UUID ownerId) {
        jdbc.update(
                "INSERT INTO files.quota_usage (owner_id, bytes_used) VALUES (?, 0) ON CONFLICT (owner_id) DO NOTHING",
                ownerId);
        Long used = jdbc.queryForObject(
                "SELECT bytes_used FROM files.quota_usage WHERE owner_id = ? FOR UPDATE", Long.class, ownerId);
        return used == null ? 0 : used;
    }
}
