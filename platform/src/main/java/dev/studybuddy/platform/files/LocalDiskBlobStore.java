package dev.studybuddy.platform.files;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Blobs as files under one directory (a volume shared by command-side and query-side). A blob is
 * written to a temporary file beside its place and moved there atomically, so a reader never sees
 * half a blob, and two writers of the same content both succeed.
 */
public class LocalDiskBlobStore implements BlobStore {

    private final Path root;

    /** The directory is made on the first write, so a service that never stores a file needs none. */
    public LocalDiskBlobStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    @Override
    public void put(String key, Path source, String contentType) throws IOException {
        Path target = pathOf(key);
        if (Files.exists(target)) {
            return;
        }
        Files.createDirectories(target.getParent());
        Path partial = Files.createTempFile(target.getParent(), ".upload-", ".part");
        try {
            Files.copy(source, partial, StandardCopyOption.REPLACE_EXISTING);
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, target);
            }
        } catch (FileAlreadyExistsException concurrentWriterWon) {
            // same key, same bytes
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(pathOf(key));
    }

    @Override
    public long size(String key) throws IOException {
        Path path = pathOf(key);
        if (!Files.isRegularFile(path)) {
            throw new FileNotFoundException("no blob " + key);
        }
        return Files.size(path);
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(pathOf(key));
    }

    /** Seeks to the offset: nothing before it is read. */
    @Override
    public InputStream open(String key, long offset, long length) throws IOException {
        ByteRanges.requireValid(offset, length);
        FileChannel channel = FileChannel.open(pathOf(key), StandardOpenOption.READ);
        try {
            return ByteRanges.limit(Channels.newInputStream(channel.position(offset)), length);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(pathOf(key));
    }

    /** The key is checked against the one shape keys have, and the path must stay under the root. */
    Path pathOf(String key) {
        Path path = root.resolve(BlobKeys.requireValid(key)).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("blob key escapes the store: " + key);
        }
        return path;
    }
}
