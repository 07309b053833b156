package dev.studybuddy.api.file;

import dev.studybuddy.api.privacy.PersonalData;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A file was uploaded: its bytes are in the blob store under the key of {@code contentHash}
 * (hex SHA-256); {@code contentType} was detected from the content; {@code fileName} is the
 * client's name, sanitized, kept only to be shown.
 */
@Revision("1")
public record FileRegisteredEvent(
        UUID fileId,
        UUID ownerId,
        String contentHash,
        long size,
        String contentType,
        @PersonalData(subject = "ownerId") String fileName,
        FilePurpose purpose) {}
