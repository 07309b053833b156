package dev.studybuddy.platform.files;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BlobStoreTest {

    @Test
    void aStoreWithoutRangedReadsStillOpensExactlyTheRangeBySkipping() throws Exception {
        InMemoryBlobStore store = new InMemoryBlobStore();
        String key = BlobKeys.content("ab".repeat(32));
        byte[] content = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJ".getBytes(StandardCharsets.US_ASCII);
        store.put(key, content);

        RangedOpens.assertReadExactlyTheirBytes(store, key, content);
    }
}
