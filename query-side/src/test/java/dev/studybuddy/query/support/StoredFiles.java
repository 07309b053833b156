package dev.studybuddy.query.support;

import dev.studybuddy.api.file.FileDeletedEvent;
import dev.studybuddy.api.file.FilePurpose;
import dev.studybuddy.api.file.FileRegisteredEvent;
import dev.studybuddy.platform.consistency.ConsistencyToken;
import dev.studybuddy.platform.files.BlobKeys;
import dev.studybuddy.platform.files.BlobStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.test.context.TestComponent;

/** Does what command-side's upload intake does: the bytes into the blob store, then the StoredFile event. */
@TestComponent
public class StoredFiles {

    public static final String AGGREGATE_TYPE = "StoredFile";

    private final EventStore eventStore;
    private final BlobStore blobs;

    StoredFiles(EventStore eventStore, BlobStore blobs) {
        this.eventStore = eventStore;
        this.blobs = blobs;
    }

    public Uploaded upload(UUID owner, FilePurpose purpose, String contentType, String fileName, byte[] content) {
        String hash = sha256(content);
        store(BlobKeys.content(hash), content, contentType);
        UUID fileId = UUID.randomUUID();
        ConsistencyToken token = EventLog.append(
                eventStore,
                AGGREGATE_TYPE,
                fileId.toString(),
                new FileRegisteredEvent(fileId, owner, hash, content.length, contentType, fileName, purpose));
        return new Uploaded(fileId, hash, token);
    }

    /** A thumbnail as command-side makes it for an avatar. */
    public void storeThumbnail(String hash, int pixels, byte[] png) {
        store(BlobKeys.thumbnail(hash, pixels), png, "image/png");
    }

    public ConsistencyToken delete(Uploaded file, UUID owner, long size) {
        return EventLog.append(
                eventStore,
                AGGREGATE_TYPE,
                file.fileId().toString(),
                new FileDeletedEvent(file.fileId(), owner, file.hash(), size));
    }

    private void store(String key, byte[] content, String contentType) {
        try {
            Path temp = Files.createTempFile("blob", ".bin");
            try {
                blobs.put(key, Files.write(temp, content), contentType);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public record Uploaded(UUID fileId, String hash, ConsistencyToken token) {}
}
