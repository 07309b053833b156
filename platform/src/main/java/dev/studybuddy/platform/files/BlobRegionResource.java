package dev.studybuddy.platform.files;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import org.springframework.core.io.AbstractResource;

/**
 * A blob as one region of a {@code Range} request reads it. Its stream counts bytes from the blob's start,
 * ends at {@code end}, and is opened only at its first read, at the offset the reader has skipped to:
 * Spring's {@code ResourceRegion} writers skip to the region's start, so the store is asked for the
 * region's bytes alone ({@link BlobStore#open(String, long, long)}). Its length is the whole blob's,
 * which is what {@code Content-Range} reports.
 */
final class BlobRegionResource extends AbstractResource {

    private final BlobStore store;
    private final String key;
    private final long size;
    private final long end;

    BlobRegionResource(BlobStore store, String key, long size, long end) {
        this.store = store;
        this.key = key;
        this.size = size;
        this.end = end;
    }

    @Override
    public InputStream getInputStream() {
        return new OpenedAtFirstRead();
    }

    @Override
    public long contentLength() {
        return size;
    }

    @Override
    public boolean exists() {
        return true;
    }

    @Override
    public String getFilename() {
        return null;
    }

    @Override
    public String getDescription() {
        return "blob [" + key + "] up to byte " + end;
    }

    private final class OpenedAtFirstRead extends InputStream {

        private long position;
        private InputStream in;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == 1 ? one[0] & 0xff : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            Objects.checkFromIndexSize(offset, length, buffer.length);
            if (length == 0) {
                return 0;
            }
            if (in == null) {
                if (position >= end) {
                    return -1;
                }
                in = store.open(key, position, end - position);
            }
            return in.read(buffer, offset, length);
        }

        @Override
        public long skip(long n) throws IOException {
            if (in != null) {
                return in.skip(n);
            }
            long skipped = Math.max(0, Math.min(n, end - position));
            position += skipped;
            return skipped;
        }

        @Override
        public void close() throws IOException {
            if (in != null) {
                in.close();
            }
        }
    }
}
