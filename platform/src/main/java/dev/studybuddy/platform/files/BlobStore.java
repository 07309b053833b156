package dev.studybuddy.platform.files;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.springframework.core.io.Resource;

/**
 * Where uploaded bytes live. Keys are made by the server ({@link BlobKeys}), never from anything a client
 * sends, and name content: the same key always holds the same bytes, so storing twice stores once.
 * command-side writes, query-side reads; both are configured by {@link FilesProperties}.
 */
public interface BlobStore {

    /** Stores the file at {@code source} under {@code key} unless the key already holds it. */
    void put(String key, Path source, String contentType) throws IOException;

    boolean exists(String key) throws IOException;

    /** The blob's length in bytes; {@link java.io.FileNotFoundException} if there is none. */
    long size(String key) throws IOException;

    /** Removes the blob; nothing happens if there is none. */
    void delete(String key) throws IOException;

    /** A fresh stream of the blob's bytes; the caller closes it. */
    InputStream open(String key) throws IOException;

    /**
     * A fresh stream of {@code length} bytes of the blob from {@code offset} (what a {@code Range} asks
     * for): fewer where the blob ends first, none if it ends before {@code offset}; the caller closes it.
     * The stores read only those bytes; this default reads the blob from its start and skips.
     *
     * @throws IllegalArgumentException for a negative offset or a length that is not positive
     */
    default InputStream open(String key, long offset, long length) throws IOException {
        ByteRanges.requireValid(offset, length);
        InputStream in = open(key);
        try {
            in.skipNBytes(offset);
        } catch (EOFException blobEndsBeforeOffset) {
            in.close();
            return InputStream.nullInputStream();
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
        return ByteRanges.limit(in, length);
    }

    /**
     * The blob as a resource of known length that opens a new stream each time it is read, which is
     * what ranges ({@code ResourceRegion}) need; {@link BlobRegionHttpMessageConverter} has each region
     * read with {@link #open(String, long, long)}.
     */
    default Resource resource(String key, long size) {
        return new BlobResource(this, key, size);
    }
}
