package dev.studybuddy.platform.personaldata;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.SecretKey;

/**
 * One personal field as the event store holds it: {@code {"pd":"v1","key":<subject>,"iv":…,"ct":…}}, AES-256-GCM
 * under the subject's data key. The associated data is the version and the subject, so a ciphertext cannot be passed
 * off as another user's; moving it to another event or field changes the stored bytes, which the hash chain covers.
 *
 * @param subject    whose key sealed it (the user the text is about or by)
 * @param iv         the random 96-bit IV
 * @param ciphertext the text's UTF-8 bytes, encrypted, with the tag
 */
record SealedField(UUID subject, byte[] iv, byte[] ciphertext) {

    static final String VERSION = "v1";
    static final String MARKER = "pd";
    static final String KEY = "key";
    static final String IV = "iv";
    static final String CT = "ct";

    static SealedField seal(UUID subject, SecretKey key, String text) {
        byte[] ivAndSealed = Aes.seal(key, text.getBytes(StandardCharsets.UTF_8), associatedData(subject));
        byte[] iv = java.util.Arrays.copyOf(ivAndSealed, Aes.IV_BYTES);
        byte[] sealed = java.util.Arrays.copyOfRange(ivAndSealed, Aes.IV_BYTES, ivAndSealed.length);
        return new SealedField(subject, iv, sealed);
    }

    /**
     * @return the text, or empty when the subject's key is gone (erased)
     * @throws PersonalDataException when the field was altered
     */
    Optional<String> open(DataKeys keys) {
        return keys.find(subject)
                .map(key -> new String(Aes.open(key, iv, ciphertext, associatedData(subject)), StandardCharsets.UTF_8));
    }

    String ivText() {
        return Base64.getEncoder().encodeToString(iv);
    }

    String ciphertextText() {
        return Base64.getEncoder().encodeToString(ciphertext);
    }

    /** @throws PersonalDataException for another version or a field that is not well formed */
    static SealedField of(String version, String subject, String iv, String ciphertext) {
        if (!VERSION.equals(version)) {
            throw new PersonalDataException("unknown personal data format " + version);
        }
        try {
            return new SealedField(
                    UUID.fromString(subject),
                    Base64.getDecoder().decode(iv),
                    Base64.getDecoder().decode(ciphertext));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PersonalDataException("a sealed personal field is not well formed", e);
        }
    }

    private static byte[] associatedData(UUID subject) {
        return ("studybuddy-pd:" + VERSION + ":" + subject).getBytes(StandardCharsets.UTF_8);
    }
}
