package dev.studybuddy.platform.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** What every store's {@link BlobStore#open(String, long, long)} must answer, checked the same way for each. */
final class RangedOpens {

    private RangedOpens() {}

    /** {@code content} is stored under {@code key} and is at least 32 bytes long. */
    static void assertReadExactlyTheirBytes(BlobStore store, String key, byte[] content) throws IOException {
        int size = content.length;
        assertThat(read(store, key, 0, 4)).as("start").isEqualTo(slice(content, 0, 4));
        assertThat(read(store, key, 10, 7)).as("middle").isEqualTo(slice(content, 10, 7));
        assertThat(read(store, key, size - 5, 5)).as("end").isEqualTo(slice(content, size - 5, 5));
        assertThat(read(store, key, 0, size)).as("all").isEqualTo(content);
        assertThat(read(store, key, size - 3, 100)).as("past the end: clipped").isEqualTo(slice(content, size - 3, 3));
        assertThat(read(store, key, 20, Long.MAX_VALUE)).as("to the end").isEqualTo(slice(content, 20, size - 20));
        assertThat(read(store, key, size, 10)).as("from the end: nothing").isEmpty();
        assertThat(read(store, key, size + 100, 10))
                .as("beyond the end: nothing")
                .isEmpty();
        assertThatThrownBy(() -> store.open(key, -1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.open(key, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.open("../../etc/passwd", 0, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    static byte[] read(BlobStore store, String key, long offset, long length) throws IOException {
        try (InputStream in = store.open(key, offset, length)) {
            return in.readAllBytes();
        }
    }

    private static byte[] slice(byte[] content, int from, int length) {
        return Arrays.copyOfRange(content, from, from + length);
    }
}
