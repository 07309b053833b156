package dev.studybuddy.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studybuddy.testing.ApiClient;
import dev.studybuddy.testing.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The drill of the reliability issue's item 8, on {@code bin/run} itself: a service killed with SIGKILL is started
 * again after its back-off while the rest of the local system runs on, and a SIGTERM to {@code bin/run} stops the
 * edge gracefully and every process it started.
 */
@Tag("drill")
class LocalRunDrillIT {

    private static final Pattern STARTED = Pattern.compile("started notification-saga \\(pid (\\d+)");

    private final Path root = Path.of(System.getProperty("studybuddy.root", ".."))
            .toAbsolutePath()
            .normalize();
    private Process run;

    @AfterEach
    void stop() throws InterruptedException {
        if (run != null && run.isAlive()) {
            run.destroy();
            if (!run.waitFor(90, TimeUnit.SECONDS)) {
                run.descendants().forEach(ProcessHandle::destroyForcibly);
                run.destroyForcibly();
            }
        }
    }

    @Test
    void aKilledServiceIsStartedAgainAndASigtermStopsEverything() throws Exception {
        Path data = Files.createTempDirectory("studybuddy-drill");
        Path log = data.resolve("run.log");
        Map<String, Integer> ports = new HashMap<>();
        for (String name : List.of(
                "EDGE_PORT",
                "COMMAND_PORT",
                "QUERY_PORT",
                "NOTIFICATION_PORT",
                "MONGO_STANDIN_PORT",
                "MAIL_PORT",
                "LOCAL_MAIL_PORT")) {
            ports.put(name, freePort());
        }
        ProcessBuilder builder = new ProcessBuilder(root.resolve("bin/run").toString(), "--no-build")
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        ports.forEach((name, port) -> builder.environment().put(name, port.toString()));
        builder.environment()
                .putAll(Map.of(
                        "STUDYBUDDY_DATA_DIR", data.toString(),
                        "DATABASE_USER", TestDatabase.user(),
                        "DATABASE_URL", TestDatabase.fresh("studybuddy_test_drill"),
                        "JAVA_OPTS", "-Xmx384m -XX:TieredStopAtLevel=1",
                        "BCRYPT_STRENGTH", "10",
                        "STUDYBUDDY_EVENTSTORE_ANNOUNCEMENTS_CHANNEL", "studybuddy:drill:events:appended",
                        "SEGMENT_BALANCING_CLUSTER", "drill"));
        run = builder.start();

        await(log, text -> text.contains("StudyBuddy is running"), Duration.ofMinutes(6));
        long first = lastStartedPid(Files.readString(log));
        ProcessHandle.of(first).orElseThrow().destroyForcibly();

        await(
                log,
                text -> text.contains("notification-saga stopped unexpectedly: starting it again in 1s")
                        && lastStartedPid(text) != first,
                Duration.ofMinutes(1));
        long second = lastStartedPid(Files.readString(log));
        ApiClient notification = ApiClient.on(ports.get("NOTIFICATION_PORT"));
        awaitHealthy(notification, Duration.ofMinutes(3));
        assertThat(run.isAlive()).as("bin/run goes on").isTrue();
        assertThat(ApiClient.on(ports.get("COMMAND_PORT"))
                        .get("/actuator/health")
                        .status())
                .as("the other services ran on")
                .isEqualTo(200);

        List<ProcessHandle> started = run.descendants().toList();
        run.destroy();
        assertThat(run.waitFor(120, TimeUnit.SECONDS))
                .as("bin/run stops on SIGTERM")
                .isTrue();
        String output = Files.readString(log);
        assertThat(output).contains("stopping the edge (finishing requests in flight)");
        assertThat(ProcessHandle.of(second).map(ProcessHandle::isAlive).orElse(false))
                .isFalse();
        assertThat(started).as("nothing bin/run started outlives it").noneMatch(ProcessHandle::isAlive);
    }

    private static long lastStartedPid(String text) {
        Matcher matcher = STARTED.matcher(text);
        long pid = -1;
        while (matcher.find()) {
            pid = Long.parseLong(matcher.group(1));
        }
        return pid;
    }

    private void await(Path log, Predicate<String> condition, Duration limit) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            String text = Files.exists(log) ? Files.readString(log) : "";
            if (condition.test(text)) {
                return;
            }
            if (!run.isAlive()) {
                throw new IllegalStateException("bin/run exited:\n" + text);
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("not within " + limit + ":\n" + Files.readString(log));
    }

    private static void awaitHealthy(ApiClient client, Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (client.get("/actuator/health").status() == 200) {
                    return;
                }
            } catch (RuntimeException notYetListening) {
                // keep waiting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("not healthy within " + limit);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
