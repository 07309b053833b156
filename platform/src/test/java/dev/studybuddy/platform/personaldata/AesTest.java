package dev.studybuddy.platform.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;

/** Each thread reuses one cipher: a value that fails to open must not spoil the next one. */
class AesTest {

    private static final byte[] SUBJECT = "user-1".getBytes(StandardCharsets.UTF_8);

    @Test
    void valuesSealedAndOpenedOneAfterAnotherOnOneThreadStayApartAndATamperedOneFailsAlone() {
        SecretKey key = Aes.newKey();
        SecretKey other = Aes.newKey();
        byte[] first = Aes.seal(key, bytes("first"), SUBJECT);
        byte[] second = Aes.seal(other, bytes("second"), SUBJECT);
        byte[] tampered = first.clone();
        tampered[tampered.length - 1] ^= 1;

        assertThat(first).as("a fresh IV for each value").isNotEqualTo(Aes.seal(key, bytes("first"), SUBJECT));
        assertThatThrownBy(() -> Aes.open(key, tampered, SUBJECT)).isInstanceOf(PersonalDataException.class);
        assertThatThrownBy(() -> Aes.open(key, first, bytes("user-2")))
                .as("bound to its subject")
                .isInstanceOf(PersonalDataException.class);
        assertThat(text(Aes.open(key, first, SUBJECT))).isEqualTo("first");
        assertThat(text(Aes.open(other, second, SUBJECT))).isEqualTo("second");
        assertThatThrownBy(() -> Aes.open(key, second, SUBJECT)).isInstanceOf(PersonalDataException.class);
        assertThat(text(Aes.open(key, first, SUBJECT))).isEqualTo("first");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
