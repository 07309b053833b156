package dev.studybuddy.api.file;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records an upload whose bytes are already in the blob store under the key derived from
 * {@code contentHash} (hex SHA-256). {@code fileName} is the client's name, already sanitized.
 */
public record RegisterFileCommand(
        @TargetAggregateIdentifier UUID fileId,
        UUID ownerId,
        String contentHash,
        long size,
        String contentType,
        String fileName,
        FilePurpose purpose) {

    public RegisterFileCommand {
        Objects.requireNonNull(fileId, "fileId");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(purpose, "purpose");
        if (contentHash == null || !contentHash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("contentHash must be a hex SHA-256");
        }
        if (size <= 0) {
            throw new IllegalArgumentException("size must be positive");
        }
    }
}
