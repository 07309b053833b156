package dev.studybuddy.platform.personaldata;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/** AES-256-GCM with a random 96-bit IV per message, the IV written before the ciphertext. */
final class Aes {

    static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * One cipher per thread, initialised anew for each value: {@code Cipher.getInstance} looks the algorithm up
     * among the security providers on every call, which was a third of opening a sealed field (README "Benchmarks").
     */
    private static final ThreadLocal<Cipher> GCM = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is not available", e);
        }
    });

    private Aes() {}

    static SecretKey newKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, RANDOM);
            return generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256 is not available", e);
        }
    }

    /** @return IV followed by ciphertext and tag */
    static byte[] seal(SecretKey key, byte[] plain, byte[] associatedData) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] sealed = seal(key, iv, plain, associatedData);
        return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
    }

    static byte[] seal(SecretKey key, byte[] iv, byte[] plain, byte[] associatedData) {
        try {
            Cipher cipher = GCM.get();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(plain);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt", e);
        }
    }

    static byte[] open(SecretKey key, byte[] ivAndSealed, byte[] associatedData) {
        if (ivAndSealed.length < IV_BYTES) {
            throw new PersonalDataException("a sealed value is shorter than its IV");
        }
        return open(
                key,
                Arrays.copyOf(ivAndSealed, IV_BYTES),
                Arrays.copyOfRange(ivAndSealed, IV_BYTES, ivAndSealed.length),
                associatedData);
    }

    /** @throws PersonalDataException when the ciphertext, IV or associated data were changed (the tag fails) */
    static byte[] open(SecretKey key, byte[] iv, byte[] sealed, byte[] associatedData) {
        try {
            Cipher cipher = GCM.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(sealed);
        } catch (GeneralSecurityException e) {
            throw new PersonalDataException("a sealed value does not open with its key: it was altered", e);
        }
    }
}
