package dev.studybuddy.command.identity;

import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** Refuses passwords from a list of the most common ones, and passwords that are the user name. */
@Component
class PasswordPolicy {

    private static final String COMMON_PASSWORDS = "identity/common-passwords.txt";

    private final Set<String> common;

    PasswordPolicy() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource(COMMON_PASSWORDS).getInputStream(), StandardCharsets.UTF_8))) {
            common = reader.lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void check(String username, String password) {
        String lowered = password.toLowerCase(Locale.ROOT);
        if (common.contains(lowered) || lowered.equals(username)) {
            throw new DomainException(
                    ErrorCode.WEAK_PASSWORD, "This password is too easy to guess; choose a less common one.");
        }
    }
}
