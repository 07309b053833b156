package dev.studybuddy.query.chat;

import dev.studybuddy.query.file.StoredFileView;
import java.util.UUID;

/**
 * An attachment as a message shows it: what the file is, or that it was {@code removed} (deleted by its
 * owner; then nothing else about it is shown). Name, type and size are null while the files read model
 * has not yet seen the upload (it is filled by another processor); {@code GET /api/files/{id}/meta}
 * answers then.
 */
public record ChatAttachment(UUID fileId, String fileName, String contentType, Long size, boolean removed) {

    static ChatAttachment of(UUID fileId, StoredFileView file) {
        if (file == null) {
            return new ChatAttachment(fileId, null, null, null, false);
        }
        if (file.deleted()) {
            return new ChatAttachment(fileId, null, null, null, true);
        }
        return new ChatAttachment(fileId, file.fileName(), file.contentType(), file.size(), false);
    }
}
