package dev.studybuddy.query.file;

import dev.studybuddy.api.file.FilePurpose;
import dev.studybuddy.query.group.StalledRosters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** Answers from the files read model: who may see a file, and what views show of attachments. */
@Component
public class FileDirectory {

    private static final RowMapper<StoredFileView> ROW = (rs, n) -> new StoredFileView(
            rs.getObject("file_id", UUID.class),
            rs.getObject("owner_id", UUID.class),
            rs.getString("content_hash"),
            rs.getLong("size"),
            rs.getString("content_type"),
            rs.getString("file_name"),
            FilePurpose.valueOf(rs.getString("purpose")),
            rs.getTimestamp("uploaded_at").toInstant(),
            rs.getTimestamp("deleted_at") != null);

    private final JdbcTemplate jdbc;
    private final StalledRosters stalledRosters;

    FileDirectory(JdbcTemplate jdbc, StalledRosters stalledRosters) {
        this.jdbc = jdbc;
        this.stalledRosters = stalledRosters;
    }

    /**
     * The live file, if {@code viewerId} may see it: its owner; anyone signed in for an avatar; the
     * current members of a group where a message carries it, unless that group's roster is stalled
     * ({@link StalledRosters}); the two friends of a direct message carrying it. Anyone else learns
     * nothing, not even that it exists.
     */
    Optional<StoredFileView> visibleTo(UUID fileId, UUID viewerId) {
        List<Object> arguments = new ArrayList<>(List.of(fileId, viewerId, viewerId, viewerId));
        List<String> stalled = List.copyOf(stalledRosters.groups());
        arguments.addAll(stalled);
        String settledRostersOnly = stalled.isEmpty()
                ? ""
                : " AND CAST(s.group_id AS text) NOT IN (" + String.join(",", Collections.nCopies(stalled.size(), "?"))
                        + ")";
        return jdbc.query("""
                SELECT f.* FROM files f
                WHERE f.file_id = ? AND f.deleted_at IS NULL
                  AND (f.owner_id = ? OR f.purpose = 'AVATAR'
                       OR EXISTS (SELECT 1 FROM file_shares s WHERE s.file_id = f.file_id AND s.user_id = ?)
                       OR EXISTS (SELECT 1 FROM file_shares s JOIN group_members m ON m.group_id = s.group_id
                                  WHERE s.file_id = f.file_id AND m.user_id = ?""" + settledRostersOnly + "))", ROW, arguments.toArray()).stream()
                .findFirst();
    }

    /**
     * Up to {@code limit} of the files {@code ownerId} uploaded, deleted ones included, in file id order after
     * {@code afterFileId}: a page of the account export.
     */
    public List<StoredFileView> ownedBy(UUID ownerId, UUID afterFileId, int limit) {
        return jdbc.query(
                "SELECT * FROM files WHERE owner_id = ? AND file_id > ? ORDER BY file_id LIMIT ?",
                ROW,
                ownerId,
                afterFileId,
                limit);
    }

    /**
     * What views show of the attachments they carry, deleted ones included (shown as removed); not
     * authorized here: the view that asks has already decided the viewer sees the message.
     */
    public Map<UUID, StoredFileView> describe(Collection<UUID> fileIds) {
        if (fileIds.isEmpty()) {
            return Map.of();
        }
        String placeholders = fileIds.stream().map(id -> "?").collect(Collectors.joining(","));
        List<StoredFileView> found =
                jdbc.query("SELECT * FROM files WHERE file_id IN (" + placeholders + ")", ROW, fileIds.toArray());
        return found.stream().collect(Collectors.toMap(StoredFileView::fileId, Function.identity()));
    }
}
