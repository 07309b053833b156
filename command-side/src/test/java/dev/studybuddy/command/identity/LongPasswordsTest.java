package dev.studybuddy.command.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class LongPasswordsTest {

    final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    final LongPasswords passwords = new LongPasswords(bcrypt);

    @Test
    void aHashStoredBeforeStillMatchesItsPassword() {
        String stored = bcrypt.encode("Correct-Horse-9");

        assertThat(passwords.matches("Correct-Horse-9", stored)).isTrue();
        assertThat(passwords.matches("Correct-Horse-8", stored)).isFalse();
    }

    @Test
    void aPasswordOfSeventyTwoBytesIsHashedAsItIs() {
        String password = "p".repeat(72);

        assertThat(bcrypt.matches(password, passwords.encode(password))).isTrue();
    }

    @Test
    void aPasswordOverSeventyTwoBytesIsTakenWhole() {
        String password = "correct horse battery staple, ".repeat(4); // 120 characters
        String stored = passwords.encode(password);

        assertThat(passwords.matches(password, stored)).isTrue();
        assertThat(passwords.matches(password.substring(0, 72), stored)).isFalse();
        assertThat(passwords.matches(password.substring(0, 119) + "!", stored)).isFalse();
    }

    @Test
    void bytesCountNotCharacters() {
        String password = "пароль-".repeat(10); // 70 characters, 130 bytes in UTF-8
        String stored = passwords.encode(password);

        assertThat(passwords.matches(password, stored)).isTrue();
        assertThat(passwords.matches("пароль-".repeat(9) + "пароль+", stored)).isFalse();
    }
}
