package dev.studybuddy.command.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * BCrypt reads at most 72 bytes of a password and Spring's encoder refuses a longer one, while the contract takes
 * passwords of up to 128 characters (up to 512 bytes in UTF-8: a passphrase, a password manager's output). A password
 * over 72 bytes is first reduced to the Base64 of its SHA-256 (44 bytes, to which every byte of the password
 * contributes), then hashed with BCrypt, as passlib's {@code bcrypt_sha256} and Django's {@code BCryptSHA256PasswordHasher}
 * do. A password of 72 bytes or fewer is hashed as it always was, so every stored hash stays valid.
 */
final class LongPasswords implements PasswordEncoder {

    static final int BCRYPT_MAX_BYTES = 72;

    private final PasswordEncoder bcrypt;

    LongPasswords(PasswordEncoder bcrypt) {
        this.bcrypt = bcrypt;
    }

    @Override
    public String encode(CharSequence password) {
        return bcrypt.encode(fitted(password));
    }

    @Override
    public boolean matches(CharSequence password, String encoded) {
        return bcrypt.matches(fitted(password), encoded);
    }

    @Override
    public boolean upgradeEncoding(String encoded) {
        return bcrypt.upgradeEncoding(encoded);
    }

    static CharSequence fitted(CharSequence password) {
        if (password == null) {
            return null;
        }
        byte[] bytes = password.toString().getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= BCRYPT_MAX_BYTES) {
            return password;
        }
        try {
            return Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
