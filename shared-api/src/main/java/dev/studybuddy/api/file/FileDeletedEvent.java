package dev.studybuddy.api.file;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The owner deleted the file: it is no longer served and no longer counts towards their quota. */
@Revision("1")
public record FileDeletedEvent(UUID fileId, UUID ownerId, String contentHash, long size) {}
