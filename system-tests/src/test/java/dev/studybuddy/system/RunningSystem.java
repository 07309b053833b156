package dev.studybuddy.system;

import dev.studybuddy.testing.ApiClient;
import dev.studybuddy.testing.InMemoryMongo;
import dev.studybuddy.testing.TestDatabase;
import dev.studybuddy.testing.TestEnvironment;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The three services started from their packaged jars as separate processes, as {@code bin/run} does:
 * one MongoDB (the stand-in, over the wire), one PostgreSQL database with a schema per service, and
 * query-side and notification-saga trusting command-side's JWKS over HTTP.
 */
final class RunningSystem implements AutoCloseable {

    private static final String DATABASE = "studybuddy_test_system";

    private final Path root = Path.of(System.getProperty("studybuddy.root", ".."))
            .toAbsolutePath()
            .normalize();
    private final String version = System.getProperty("studybuddy.version", "0.1.0-SNAPSHOT");
    private final Path logs = root.resolve("system-tests/target/system-logs");
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();

    RunningSystem start() throws IOException {
        Files.createDirectories(logs);
        String mongoUri = InMemoryMongo.connectionString(DATABASE);
        String databaseUrl = TestDatabase.fresh(DATABASE);
        int commandPort = freePort();
        Map<String, String> shared = Map.of(
                "MONGODB_URI",
                mongoUri,
                "MONGODB_DATABASE",
                DATABASE,
                "DATABASE_URL",
                databaseUrl,
                "DATABASE_USER",
                TestDatabase.user(),
                "JWT_JWK_SET_URI",
                "http://127.0.0.1:" + commandPort + "/.well-known/jwks.json",
                "BCRYPT_STRENGTH",
                "10",
                "STUDYBUDDY_PD_KEK",
                TestEnvironment.TEST_KEK);
        int notificationPort = freePort();
        Map<String, String> querySide = new LinkedHashMap<>(shared);
        // the account export reads the caller's notifications and preferences from notification-saga, their grant,
        // address and sessions from command-side
        querySide.put("NOTIFICATION_SAGA_URL", "http://127.0.0.1:" + notificationPort);
        querySide.put("COMMAND_SIDE_URL", "http://127.0.0.1:" + commandPort);
        launch("command-side", commandPort, shared);
        launch("query-side", freePort(), querySide);
        launch("notification-saga", notificationPort, shared);
        for (String service : processes.keySet()) {
            awaitHealthy(service, Duration.ofSeconds(180));
        }
        return this;
    }

    int port(String service) {
        return ports.get(service);
    }

    ApiClient client(String service) {
        return ApiClient.on(ports.get(service));
    }

    Process process(String service) {
        return processes.get(service);
    }

    String log(String service) throws IOException {
        return Files.readString(logs.resolve(service + ".log"));
    }

    private void launch(String service, int port, Map<String, String> environment) throws IOException {
        Path jar = root.resolve(service + "/target/" + service + "-" + version + ".jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(
                    "No " + jar + ": package the services first (bin/test runs mvnw verify, which does)");
        }
        List<String> command =
                new ArrayList<>(List.of("java", "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve(service + ".log").toFile());
        builder.environment().putAll(environment);
        builder.environment().put("PORT", Integer.toString(port));
        processes.put(service, builder.start());
        ports.put(service, port);
    }

    private void awaitHealthy(String service, Duration limit) throws IOException {
        Instant deadline = Instant.now().plus(limit);
        ApiClient client = client(service);
        while (Instant.now().isBefore(deadline)) {
            if (!processes.get(service).isAlive()) {
                throw new IllegalStateException(service + " exited during start:\n" + tail(service));
            }
            try {
                if (client.get("/actuator/health").status() == 200) {
                    return;
                }
            } catch (RuntimeException notYetListening) {
                // keep waiting
            }
            sleep(Duration.ofMillis(500));
        }
        throw new IllegalStateException(service + " did not become healthy within " + limit + ":\n" + tail(service));
    }

    private String tail(String service) throws IOException {
        List<String> lines = Files.readAllLines(logs.resolve(service + ".log"));
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** Stops every service the way an orchestrator does (SIGTERM), so each shuts down gracefully. */
    @Override
    public void close() {
        processes.values().forEach(Process::destroy);
        for (Process process : processes.values()) {
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
