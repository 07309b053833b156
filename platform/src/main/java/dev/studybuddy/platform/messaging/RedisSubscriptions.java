package dev.studybuddy.platform.messaging;

import java.time.Duration;

/** What every Redis listener container of the services shares. */
public final class RedisSubscriptions {

    /**
     * How long a container waits for its first subscription when it starts (Spring's default is 2 s): on a loaded
     * host the connection alone may take longer, and a container that gives up fails the whole service's start.
     */
    public static final Duration WAIT = Duration.ofSeconds(15);

    private RedisSubscriptions() {
    }
}
