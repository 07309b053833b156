package dev.studybuddy.platform.consistency;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.SecretKey;

/**
 * Writes and reads {@link ConsistencyToken}s as the header carries them: the write's aggregate and sequence, signed
 * (HMAC-SHA256, truncated to 128 bits) with a key every service derives from the key-encryption key. Only a token a
 * command answered with is read back: one made up naming another aggregate (two other users' friendship, a private
 * group, the seat of a membership) is refused before anything is looked up, so that whether it names a stored event,
 * and how far the projection is, tells its sender nothing (docs/adr/0028-consistency-tokens-are-signed.md).
 */
public class ConsistencyTokens {

    private static final String MAC = "HmacSHA256";
    private static final int MAC_BYTES = 16;
    private static final int LONGEST = 300;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKey key;

    public ConsistencyTokens(SecretKey key) {
        this.key = key;
    }

    public String encode(ConsistencyToken token) {
        byte[] written = written(token);
        return ENCODER.encodeToString(written) + "." + ENCODER.encodeToString(mac(written));
    }

    /** Empty for anything that is not a token a command of this system answered with. */
    public Optional<ConsistencyToken> decode(String value) {
        if (value == null || value.length() > LONGEST) {
            return Optional.empty();
        }
        int dot = value.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        try {
            byte[] written = DECODER.decode(value.substring(0, dot));
            byte[] signature = DECODER.decode(value.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, mac(written))) {
                return Optional.empty();
            }
            String text = new String(written, StandardCharsets.UTF_8);
            int at = text.lastIndexOf('@');
            if (at <= 0) {
                return Optional.empty();
            }
            return Optional.of(new ConsistencyToken(text.substring(0, at), Long.parseLong(text.substring(at + 1))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] written(ConsistencyToken token) {
        return (token.aggregateId() + "@" + token.sequence()).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] mac(byte[] written) {
        try {
            Mac mac = Mac.getInstance(MAC);
            mac.init(key);
            return Arrays.copyOf(mac.doFinal(written), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(MAC + " is not available", e);
        }
    }
}
