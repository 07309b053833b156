package dev.studybuddy.platform.files;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Blobs in memory; ranged opens are {@link BlobStore}'s default, which skips. */
class InMemoryBlobStore implements BlobStore {

    private final Map<String, byte[]> blobs = new ConcurrentHashMap<>();

    void put(String key, byte[] content) {
        blobs.put(BlobKeys.requireValid(key), content.clone());
    }

    @Override
    public void put(String key, Path source, String contentType) throws IOException {
        put(key, Files.readAllBytes(source));
    }

    @Override
    public boolean exists(String key) {
        return blobs.containsKey(key);
    }

    @Override
    public long size(String key) throws IOException {
        return bytes(key).length;
    }

    @Override
    public void delete(String key) {
        blobs.remove(key);
    }

    @Override
    public InputStream open(String key) throws IOException {
        return new ByteArrayInputStream(bytes(key));
    }

    byte[] bytes(String key) throws FileNotFoundException {
        byte[] content = blobs.get(BlobKeys.requireValid(key));
        if (content == null) {
            throw new FileNotFoundException("no blob " + key);
        }
        return content;
    }
}
