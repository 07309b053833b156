package dev.studybuddy.platform.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Only a token written with the services' key is read back; anything made up or altered reads as none. */
class ConsistencyTokensTest {

    private static final ConsistencyToken WRITE = new ConsistencyToken("a1b2c3d4_e5f6a7b8", 41);

    private final ConsistencyTokens tokens = new ConsistencyTokens(key(1));

    @Test
    void aTokenItWroteReadsBackAsTheSameWrite() {
        assertThat(tokens.decode(tokens.encode(WRITE))).contains(WRITE);
        ConsistencyToken membership = new ConsistencyToken("group-1:user-2", 0);
        assertThat(tokens.decode(tokens.encode(membership))).contains(membership);
    }

    @Test
    void aTokenMadeUpAlteredOrWrittenWithAnotherKeyReadsAsNone() {
        String issued = tokens.encode(WRITE);
        String payload = issued.substring(0, issued.indexOf('.'));
        String signature = issued.substring(issued.indexOf('.') + 1);

        assertThat(tokens.decode(base64(WRITE.aggregateId() + "@41")))
                .as("unsigned, as before")
                .isEmpty();
        assertThat(tokens.decode(base64(WRITE.aggregateId() + "@42") + "." + signature))
                .as("another sequence under the signature")
                .isEmpty();
        assertThat(tokens.decode(payload + "." + base64("0123456789abcdef")))
                .as("a signature made up")
                .isEmpty();
        assertThat(tokens.decode(new ConsistencyTokens(key(2)).encode(WRITE)))
                .as("written with another key")
                .isEmpty();
        assertThat(tokens.decode(payload + ".")).isEmpty();
        assertThat(tokens.decode("." + signature)).isEmpty();
        assertThat(tokens.decode("%%%.%%%")).isEmpty();
        assertThat(tokens.decode(null)).isEmpty();
        assertThat(tokens.decode(issued + "A".repeat(300))).isEmpty();
    }

    private static SecretKeySpec key(int seed) {
        byte[] bytes = new byte[32];
        bytes[0] = (byte) seed;
        return new SecretKeySpec(bytes, "HmacSHA256");
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
