package dev.studybuddy.command.support;

import com.nimbusds.jose.jwk.RSAKey;
import dev.studybuddy.command.CommandSideApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Another command-side node beside the tests' own: same event store, same PostgreSQL database (or the
 * same one reached another way, such as through a proxy), same signing key, so the tests' tokens work on both.
 */
public final class CommandNode implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private CommandNode(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts a node like the tests' one; {@code databaseUrl} null means the tests' own database URL. */
    public static CommandNode start(
            Environment tests, RSAKey signingKey, String databaseUrl, String... extraArguments) {
        Path keyFile;
        try {
            keyFile = Files.createTempDirectory("command-node").resolve("jwt-signing-key.json");
            Files.writeString(keyFile, signingKey.toJSONString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // as command-line arguments: they outrank every other source, as the first node's test settings do
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url="
                        + (databaseUrl != null ? databaseUrl : tests.getRequiredProperty("spring.datasource.url")),
                "--spring.datasource.username=" + tests.getRequiredProperty("spring.datasource.username"),
                "--spring.data.mongodb.uri=" + tests.getRequiredProperty("spring.data.mongodb.uri"),
                "--spring.data.mongodb.database=" + tests.getRequiredProperty("spring.data.mongodb.database"),
                "--studybuddy.identity.signing-key-file=" + keyFile,
                "--studybuddy.identity.bcrypt-strength=10",
                "--studybuddy.personal-data.kek=" + tests.getRequiredProperty("studybuddy.personal-data.kek"),
                // its contact outbox relay publishes too: to the tests' exchange, never to the real one
                "--studybuddy.identity.contacts.exchange="
                        + tests.getRequiredProperty("studybuddy.identity.contacts.exchange")));
        arguments.addAll(List.of(extraArguments));
        return new CommandNode(
                new SpringApplicationBuilder(CommandSideApplication.class).run(arguments.toArray(String[]::new)));
    }

    public int port() {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
