package dev.studybuddy.query.file;

import dev.studybuddy.api.file.FilePurpose;
import java.time.Instant;
import java.util.UUID;

/**
 * A file as the read model knows it: what a download needs, and what a chat view shows of an
 * attachment. {@code deleted} files are never served; views show them as removed.
 */
public record StoredFileView(
        UUID fileId,
        UUID ownerId,
        String contentHash,
        long size,
        String contentType,
        String fileName,
        FilePurpose purpose,
        Instant uploadedAt,
        boolean deleted) {}
