package dev.studybuddy.command.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The RS256 key pair access tokens are signed with: read from its file, or made once and kept there. */
final class SigningKey {

    private static final Logger log = LoggerFactory.getLogger(SigningKey.class);

    private SigningKey() {}

    static RSAKey load(Path file) {
        try {
            if (file == null) {
                log.warn("studybuddy.identity.signing-key-file is unset: using a throw-away signing key; "
                        + "tokens will not survive a restart");
                return generate();
            }
            if (Files.exists(file)) {
                return RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
            }
            RSAKey key = generate();
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = Files.createTempFile(
                    file.toAbsolutePath().getParent(),
                    ".jwt-key",
                    ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temp, key.toJSONString(), StandardCharsets.UTF_8);
            Files.move(temp, file);
            log.info("Generated a new token signing key in {}", file);
            return key;
        } catch (IOException | ParseException | JOSEException e) {
            throw new IllegalStateException("Cannot load the token signing key from " + file, e);
        }
    }

    private static RSAKey generate() throws JOSEException {
        return new RSAKeyGenerator(2048)
                .keyUse(KeyUse.SIGNATURE)
                .keyID(UUID.randomUUID().toString())
                .generate();
    }
}
