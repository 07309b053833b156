package dev.studybuddy.platform.messaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;

/** Redis that becomes reachable late: a port that refuses connections until {@link #forwardToRedis} listens on it. */
public final class RedisForwarding {

    private RedisForwarding() {}

    /** A port nothing listens on (yet). */
    public static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }

    /** Listens on {@code port} and forwards every connection to the local Redis. */
    public static ServerSocket forwardToRedis(int port) throws IOException {
        ServerSocket server = new ServerSocket(port);
        Thread accept = new Thread(
                () -> {
                    while (!server.isClosed()) {
                        try {
                            Socket client = server.accept();
                            Socket redis = new Socket("127.0.0.1", 6379);
                            pump(client.getInputStream(), redis.getOutputStream());
                            pump(redis.getInputStream(), client.getOutputStream());
                        } catch (IOException closed) {
                            return;
                        }
                    }
                },
                "redis-forward");
        accept.setDaemon(true);
        accept.start();
        return server;
    }

    private static void pump(InputStream from, OutputStream to) {
        Thread thread = new Thread(
                () -> {
                    try {
                        from.transferTo(to);
                    } catch (IOException ignored) {
                        // one side closed
                    }
                },
                "redis-forward-pump");
        thread.setDaemon(true);
        thread.start();
    }
}
