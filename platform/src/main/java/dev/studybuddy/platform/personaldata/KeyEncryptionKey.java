package dev.studybuddy.platform.personaldata;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** The key every data key is stored wrapped with (AES-256-GCM); it never leaves the process. */
final class KeyEncryptionKey {

    private static final byte[] WRAPPING = "studybuddy personal data key".getBytes(StandardCharsets.UTF_8);

    private final SecretKey key;

    private KeyEncryptionKey(SecretKey key) {
        this.key = key;
    }

    /** @throws IllegalStateException unless {@code base64} holds exactly 32 bytes */
    static KeyEncryptionKey of(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalStateException("studybuddy.personal-data.kek (STUDYBUDDY_PD_KEK) is not set: it must"
                    + " hold 32 random bytes in Base64, e.g. from 'openssl rand -base64 32' (docs/adr/0019)");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("studybuddy.personal-data.kek is not Base64", e);
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(
                    "studybuddy.personal-data.kek must hold 32 bytes (AES-256), not " + bytes.length);
        }
        return new KeyEncryptionKey(new SecretKeySpec(bytes, "AES"));
    }

    /**
     * A key for another purpose, derived from this one (HMAC-SHA256 of the purpose, as HKDF's expand step): the services
     * share this one secret, and whatever else they must share is derived from it, never the key itself.
     */
    SecretKey derive(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            return new SecretKeySpec(
                    mac.doFinal(("studybuddy " + purpose).getBytes(StandardCharsets.UTF_8)), "HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** The data key, sealed: IV and ciphertext with its tag. */
    byte[] wrap(SecretKey dataKey) {
        return Aes.seal(key, dataKey.getEncoded(), WRAPPING);
    }

    SecretKey unwrap(byte[] wrapped) {
        return new SecretKeySpec(Aes.open(key, wrapped, WRAPPING), "AES");
    }
}
