package dev.studybuddy.platform.files;

import java.util.regex.Pattern;

/**
 * Storage keys, derived only from a content hash: {@code ab/cd/abcd…} (two levels of sharding keep
 * directories small), thumbnails under {@code thumbnails/<px>/}. Nothing a client sends becomes a key.
 */
public final class BlobKeys {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    /** What a key may look like: checked again by each store before it touches a path or an object. */
    static final Pattern KEY = Pattern.compile("(thumbnails/[0-9]{1,4}/)?[0-9a-f]{2}/[0-9a-f]{2}/[0-9a-f]{64}");

    private BlobKeys() {}

    public static String content(String sha256Hex) {
        requireHash(sha256Hex);
        return sha256Hex.substring(0, 2) + "/" + sha256Hex.substring(2, 4) + "/" + sha256Hex;
    }

    /** The PNG thumbnail of an image, {@code pixels} on its longer side. */
    public static String thumbnail(String sha256Hex, int pixels) {
        if (pixels <= 0 || pixels > 9999) {
            throw new IllegalArgumentException("thumbnail size out of range");
        }
        return "thumbnails/" + pixels + "/" + content(sha256Hex);
    }

    static String requireValid(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a blob key: " + key);
        }
        return key;
    }

    private static void requireHash(String hash) {
        if (hash == null || !SHA256_HEX.matcher(hash).matches()) {
            throw new IllegalArgumentException("not a hex SHA-256: " + hash);
        }
    }
}
