package dev.studybuddy.deployment;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's nginx, run the way bin/run runs the local edge: a configuration written by
 * deploy/nginx/render-local-conf, every path under one directory, in the foreground.
 */
final class Nginx implements AutoCloseable {

    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private static final List<Path> CANDIDATES = List.of(
            Path.of("/usr/sbin/nginx"),
            Path.of("/usr/local/sbin/nginx"),
            Path.of("/usr/bin/nginx"),
            Path.of("/usr/local/nginx/sbin/nginx"));

    private final Path dir;
    private Process process;

    private Nginx(Path dir) {
        this.dir = dir;
    }

    /** The nginx binary; fails (never skips) when there is none, saying how to get it. */
    static Path binary() {
        String path = System.getenv().getOrDefault("PATH", "");
        List<Path> candidates = new ArrayList<>();
        for (String entry : path.split(":")) {
            if (!entry.isEmpty()) {
                candidates.add(Path.of(entry, "nginx"));
            }
        }
        candidates.addAll(CANDIDATES);
        return candidates.stream()
                .filter(Files::isExecutable)
                .findFirst()
                .orElseThrow(
                        () -> new AssertionError(
                                "nginx is not installed, so the edge's configuration cannot be checked. bin/local-services (which "
                                        + "bin/test runs first) installs Debian's nginx when it is missing; or: apt-get install -y nginx"));
    }

    /** [major, minor, patch] of the installed nginx. */
    static int[] version() {
        String output =
                run(List.of(binary().toString(), "-v"), Duration.ofSeconds(10)).output();
        Matcher matcher = Pattern.compile("nginx/(\\d+)\\.(\\d+)\\.(\\d+)").matcher(output);
        if (!matcher.find()) {
            throw new AssertionError("cannot read the version of nginx from: " + output);
        }
        return new int[] {
            Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3))
        };
    }

    static boolean atLeast(int major, int minor, int patch) {
        int[] v = version();
        return v[0] != major ? v[0] > major : v[1] != minor ? v[1] > minor : v[2] >= patch;
    }

    /** Writes the local edge's configuration with deploy/nginx/render-local-conf, as bin/run does. */
    static Nginx render(Path dir, int edgePort, String command, String notification, String... queries) {
        List<String> args = new ArrayList<>(List.of(
                "bash",
                Repository.path("deploy/nginx/render-local-conf").toString(),
                dir.toString(),
                String.valueOf(edgePort),
                command,
                notification));
        args.addAll(List.of(queries));
        Result result = run(args, Duration.ofSeconds(20));
        if (result.status() != 0) {
            throw new AssertionError("render-local-conf failed: " + result.output());
        }
        return new Nginx(dir);
    }

    static Nginx at(Path dir) {
        return new Nginx(dir);
    }

    Path conf() {
        return dir.resolve("nginx.conf");
    }

    /** nginx -t on this directory's nginx.conf. */
    Result test() {
        return run(command("-t"), Duration.ofSeconds(20));
    }

    Nginx start(int port) throws IOException, InterruptedException {
        Result checked = test();
        if (checked.status() != 0) {
            throw new AssertionError("nginx -t failed:\n" + checked.output());
        }
        process = new ProcessBuilder(command("-g", "daemon off;"))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("logs/console.log").toFile())
                .start();
        Instant deadline = Instant.now().plusSeconds(20);
        while (!listening(port)) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                throw new AssertionError(
                        "nginx did not listen on " + port + ":\n" + Files.readString(dir.resolve("logs/console.log"))
                                + readIfExists(dir.resolve("logs/error.log")));
            }
            Thread.sleep(50);
        }
        return this;
    }

    /**
     * The access log once it holds every one of {@code parts}, or as it stands after five seconds: nginx logs a
     * request after its response has gone out, so a client can be faster than the log line.
     */
    String accessLogOnceItHolds(String... parts) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plusSeconds(5);
        String log = readIfExists(dir.resolve("logs/access.log"));
        while (!containsAll(log, parts) && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
            log = readIfExists(dir.resolve("logs/access.log"));
        }
        return log;
    }

    private static boolean containsAll(String text, String... parts) {
        for (String part : parts) {
            if (!text.contains(part)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy(); // SIGTERM: a fast shutdown of the master and its workers
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private List<String> command(String... extra) {
        List<String> command = new ArrayList<>(List.of(
                binary().toString(),
                "-p",
                dir.toString(),
                "-e",
                dir.resolve("logs/error.log").toString(),
                "-c",
                conf().toString()));
        command.addAll(List.of(extra));
        return command;
    }

    /**
     * A port nothing listens on and that no earlier call handed out: the kernel may offer a port it has just taken back
     * again. {@code EdgeRoutingIT}, which asks for five in a row, once failed to bind its second stub ("Address already
     * in use") in a CI run with nothing else listening there.
     */
    static int freePort() throws IOException {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0)) {
                int port = socket.getLocalPort();
                if (HANDED_OUT.add(port)) {
                    return port;
                }
            }
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String readIfExists(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "";
    }

    record Result(int status, String output) {}

    static Result run(List<String> command, Duration timeout) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("timed out: " + command);
            }
            return new Result(
                    process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted: " + command, e);
        }
    }
}
