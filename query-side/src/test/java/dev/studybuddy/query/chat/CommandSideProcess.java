package dev.studybuddy.query.chat;

import dev.studybuddy.testing.ApiClient;
import dev.studybuddy.testing.TestTokenIssuer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.springframework.core.env.Environment;

/**
 * command-side started from its packaged jar as a process of its own, on the same event store and database as
 * the query-side context that starts it, signing with {@link TestTokenIssuer}'s key so that both accept the same
 * tokens. For the benchmark only: the pipeline it measures starts at command-side's REST API.
 */
final class CommandSideProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private CommandSideProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static CommandSideProcess start(Environment queryNode) throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
        Path jar;
        try (var jars = Files.list(root.resolve("command-side/target"))) {
            jar = jars.filter(file -> file.getFileName()
                            .toString()
                            .matches("command-side-.*\\d\\.jar|command-side-.*SNAPSHOT\\.jar"))
                    .findFirst()
                    .orElseThrow(
                            () -> new IllegalStateException("No command-side jar: bench/chat-fanout.sh packages it"));
        }
        Path work = Files.createDirectories(root.resolve("query-side/target/bench"));
        Path key = TestTokenIssuer.get().writeSigningKey(work.resolve("signing-key.json"));
        Path log = work.resolve("command-side.log");
        Files.deleteIfExists(log);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(List.of("java", "-Xmx512m", "-jar", jar.toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("MONGODB_URI", queryNode.getRequiredProperty("spring.data.mongodb.uri"));
        builder.environment().put("MONGODB_DATABASE", queryNode.getRequiredProperty("spring.data.mongodb.database"));
        builder.environment().put("DATABASE_URL", queryNode.getRequiredProperty("spring.datasource.url"));
        builder.environment().put("DATABASE_USER", queryNode.getRequiredProperty("spring.datasource.username"));
        builder.environment().put("JWT_SIGNING_KEY_FILE", key.toString());
        builder.environment().put("STUDYBUDDY_PD_KEK", queryNode.getRequiredProperty("studybuddy.personal-data.kek"));
        builder.environment().put("IDENTITY_EXCHANGE", "studybuddy.identity.bench");
        // hundreds of registrations from one address, quickly
        builder.environment().put("BCRYPT_STRENGTH", "10");
        builder.environment().put("RATE_LIMIT_PER_ADDRESS", "1000000");
        // one sender posts every message of a rate
        builder.environment().put("CHAT_RATE_WRITES", "100000000");
        Process process = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly)); // never outlives the benchmark
        CommandSideProcess started = new CommandSideProcess(process, port, log);
        try {
            started.awaitHealthy(Duration.ofSeconds(120));
        } catch (RuntimeException | IOException | InterruptedException e) {
            started.close();
            throw e;
        }
        return started;
    }

    /** Registers an account (command-side accepts tokens of registered, active accounts only); returns its id. */
    UUID register(String name) {
        String username = ("bench." + name + "." + UUID.randomUUID().toString().substring(0, 8)).toLowerCase();
        ApiClient.Response response = ApiClient.on(port)
                .post(
                        "/api/auth/register",
                        Map.of(
                                "username",
                                username,
                                "email",
                                username + "@bench.test",
                                "password",
                                "bench-password-" + username,
                                "displayName",
                                name));
        if (response.status() != 201) {
            throw new IllegalStateException("registration refused: " + response);
        }
        return UUID.fromString(response.json().path("userId").asText());
    }

    int port() {
        return port;
    }

    /** The mean time command-side spent answering successful requests to {@code uri}, from its Prometheus meters. */
    double meanMillis(String uri) {
        double count = 0;
        double sum = 0;
        for (String line :
                ApiClient.on(port).get("/actuator/prometheus").body().lines().toList()) {
            if (line.startsWith("http_server_requests_seconds_")
                    && line.contains("uri=\"" + uri + "\"")
                    && line.contains("outcome=\"SUCCESS\"")) {
                double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                if (line.startsWith("http_server_requests_seconds_count")) {
                    count += value;
                } else if (line.startsWith("http_server_requests_seconds_sum")) {
                    sum += value;
                }
            }
        }
        return count == 0 ? Double.NaN : sum / count * 1000;
    }

    ApiClient client(String accessToken) {
        return ApiClient.on(port).withToken(accessToken);
    }

    private void awaitHealthy(Duration limit) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("command-side exited during start, see " + log);
            }
            try {
                if (ApiClient.on(port).get("/actuator/health").status() == 200) {
                    return;
                }
            } catch (RuntimeException notYetListening) {
                // keep waiting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("command-side did not become healthy within " + limit + ", see " + log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
