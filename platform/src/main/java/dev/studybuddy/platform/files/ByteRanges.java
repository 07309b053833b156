package dev.studybuddy.platform.files;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** What the stores share to answer {@link BlobStore#open(String, long, long)}. */
final class ByteRanges {

    private ByteRanges() {}

    static void requireValid(long offset, long length) {
        if (offset < 0 || length <= 0) {
            throw new IllegalArgumentException("not a byte range: offset " + offset + ", length " + length);
        }
    }

    /** The offset of the range's last byte, kept from overflowing for a length that means "to the end". */
    static long last(long offset, long length) {
        return offset + Math.min(length, Long.MAX_VALUE - offset) - 1;
    }

    /** The first {@code length} bytes of {@code in}; closing it closes {@code in}. */
    static InputStream limit(InputStream in, long length) {
        return new Limited(in, length);
    }

    private static final class Limited extends FilterInputStream {

        private long remaining;

        Limited(InputStream in, long length) {
            super(in);
            this.remaining = length;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (remaining <= 0) {
                return -1;
            }
            int read = in.read(buffer, offset, (int) Math.min(length, remaining));
            if (read > 0) {
                remaining -= read;
            }
            return read;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = in.skip(Math.min(n, remaining));
            remaining -= skipped;
            return skipped;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(in.available(), remaining);
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        @Override
        public synchronized void reset() throws IOException {
            throw new IOException("mark/reset not supported");
        }
    }
}
