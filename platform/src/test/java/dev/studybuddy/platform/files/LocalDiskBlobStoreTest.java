package dev.studybuddy.platform.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalDiskBlobStoreTest {

    @TempDir
    Path dir;

    @Test
    void blobsAreShardedByTheirHashUnderTheRoot() throws Exception {
        LocalDiskBlobStore store = new LocalDiskBlobStore(dir.resolve("uploads"));
        String hash = "ab" + "cd" + "e".repeat(60);
        Path source = Files.write(dir.resolve("in"), "bytes".getBytes(StandardCharsets.UTF_8));

        store.put(BlobKeys.content(hash), source, "text/plain");
        store.put(BlobKeys.content(hash), source, "text/plain");

        assertThat(dir.resolve("uploads/ab/cd/" + hash)).hasContent("bytes");
        try (var files = Files.list(dir.resolve("uploads/ab/cd"))) {
            assertThat(files).hasSize(1);
        }
        try (InputStream in = store.open(BlobKeys.content(hash))) {
            assertThat(in.readAllBytes()).isEqualTo("bytes".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(BlobKeys.thumbnail(hash, 64)).isEqualTo("thumbnails/64/ab/cd/" + hash);
    }

    @Test
    void aRangedOpenReadsExactlyTheRange() throws Exception {
        LocalDiskBlobStore store = new LocalDiskBlobStore(dir.resolve("uploads"));
        String key = BlobKeys.content("56" + "78" + "a".repeat(60));
        byte[] content = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJ".getBytes(StandardCharsets.US_ASCII);
        store.put(key, Files.write(dir.resolve("in"), content), "text/plain");

        RangedOpens.assertReadExactlyTheirBytes(store, key, content);
        assertThatThrownBy(() -> store.open(BlobKeys.content("0".repeat(64)), 0, 10))
                .isInstanceOf(IOException.class);
    }

    @Test
    void aDeletedBlobIsGoneAndDeletingItAgainIsHarmless() throws Exception {
        LocalDiskBlobStore store = new LocalDiskBlobStore(dir.resolve("uploads"));
        String key = BlobKeys.content("12" + "34" + "f".repeat(60));
        store.put(key, Files.write(dir.resolve("in"), "bytes".getBytes(StandardCharsets.UTF_8)), "text/plain");

        store.delete(key);
        store.delete(key);

        assertThat(store.exists(key)).isFalse();
        assertThat(dir.resolve("in")).exists();
    }

    @Test
    void nothingButAKeyOfOurOwnShapeBecomesAPath() {
        LocalDiskBlobStore store = new LocalDiskBlobStore(dir);
        assertThatThrownBy(() -> store.open("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.open("ab/cd/../../x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BlobKeys.content("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }
}
