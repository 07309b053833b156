package dev.studybuddy.platform.files;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.core.io.AbstractResource;

/** A blob as a Spring resource: its length is known, so nothing reads the stream just to measure it. */
final class BlobResource extends AbstractResource {

    private final BlobStore store;
    private final String key;
    private final long size;

    BlobResource(BlobStore store, String key, long size) {
        this.store = store;
        this.key = key;
        this.size = size;
    }

    @Override
    public InputStream getInputStream() throws IOException {
        return store.open(key);
    }

    /** This blob as one region of a {@code Range} request reads it: no further than {@code end}. */
    BlobRegionResource readingUpTo(long end) {
        return new BlobRegionResource(store, key, size, end);
    }

    @Override
    public long contentLength() {
        return size;
    }

    @Override
    public boolean exists() {
        return true;
    }

    /** No file name: nothing may derive a download name or a type from the storage key. */
    @Override
    public String getFilename() {
        return null;
    }

    @Override
    public String getDescription() {
        return "blob [" + key + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BlobResource that && that.key.equals(key) && that.store == store;
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }
}
