package dev.studybuddy.command.file;

import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import dev.studybuddy.api.file.FilePurpose;
import dev.studybuddy.api.file.RegisterFileCommand;
import dev.studybuddy.platform.files.BlobKeys;
import dev.studybuddy.platform.files.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Takes an upload in: streams it through a limit (the purpose's size, and what is left of the quota)
 * into a temporary file while hashing it, so that no upload is ever held in memory whole; decides its
 * type from the content; makes an avatar's thumbnails; stores the bytes under their hash (once, however
 * often they are uploaded, and marked for {@link BlobGarbageCollector} first); and registers the file.
 */
@Component
class Uploads {

    private final UploadLimits limits;
    private final ContentTypes contentTypes;
    private final Thumbnails thumbnails;
    private final BlobStore blobs;
    private final FileCatalog catalog;
    private final BlobGarbageCollector collector;

    Uploads(
            UploadLimits limits,
            ContentTypes contentTypes,
            Thumbnails thumbnails,
            BlobStore blobs,
            FileCatalog catalog,
            BlobGarbageCollector collector) {
        this.limits = limits;
        this.contentTypes = contentTypes;
        this.thumbnails = thumbnails;
        this.blobs = blobs;
        this.catalog = catalog;
        this.collector = collector;
    }

    record Uploaded(UUID fileId, String contentType, long size) {}

    Uploaded upload(UUID ownerId, FilePurpose purpose, String clientFileName, InputStream content) throws IOException {
        long perFile = limits.maxSizeOf(purpose);
        long leftOfQuota = Math.max(0, limits.quotaPerUser().toBytes() - catalog.usage(ownerId));
        long limit = Math.min(perFile, leftOfQuota);
        Path tempDirectory = tempDirectory();
        Path spooled = Files.createTempFile(tempDirectory, "upload-", ".part");
        try {
            MessageDigest sha256 = sha256();
            long size;
            try (LimitedInputStream limited = new LimitedInputStream(content, limit);
                    InputStream hashed = new DigestInputStream(limited, sha256);
                    OutputStream out = Files.newOutputStream(spooled)) {
                hashed.transferTo(out);
                size = limited.count();
            } catch (LimitedInputStream.LimitExceededException e) {
                throw limit < perFile
                        ? FileCatalog.quotaExceeded()
                        : new DomainException(
                                ErrorCode.PAYLOAD_TOO_LARGE,
                                "A file for " + purpose + " may have at most " + perFile + " bytes.");
            }
            if (size == 0) {
                throw new DomainException(ErrorCode.VALIDATION_FAILED, "The file is empty.");
            }
            String fileName = FileNames.sanitize(clientFileName);
            String contentType = contentTypes.decide(spooled, fileName, purpose);
            String hash = HexFormat.of().formatHex(sha256.digest());
            collector.storing(hash);
            if (purpose == FilePurpose.AVATAR) {
                storeThumbnails(spooled, hash, tempDirectory);
            }
            blobs.put(BlobKeys.content(hash), spooled, contentType);
            UUID fileId = UUID.randomUUID();
            catalog.register(new RegisterFileCommand(fileId, ownerId, hash, size, contentType, fileName, purpose));
            return new Uploaded(fileId, contentType, size);
        } finally {
            Files.deleteIfExists(spooled);
        }
    }

    private void storeThumbnails(Path image, String hash, Path tempDirectory) throws IOException {
        Map<Integer, Path> made = thumbnails.of(image, tempDirectory);
        try {
            for (Map.Entry<Integer, Path> thumbnail : made.entrySet()) {
                blobs.put(BlobKeys.thumbnail(hash, thumbnail.getKey()), thumbnail.getValue(), "image/png");
            }
        } finally {
            for (Path path : made.values()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private Path tempDirectory() throws IOException {
        Path configured = limits.tempDirectory();
        Path directory = configured != null && !configured.toString().isBlank()
                ? configured
                : Path.of(System.getProperty("java.io.tmpdir"));
        return Files.createDirectories(directory);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
