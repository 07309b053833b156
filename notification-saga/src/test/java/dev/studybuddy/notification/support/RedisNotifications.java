package dev.studybuddy.notification.support;

import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What a query-side node would receive: a subscriber straight on the real local Redis (not through the
 * test's proxy) to every user's notification channel.
 */
public final class RedisNotifications implements AutoCloseable {

    private final RedisClient client;
    private final StatefulRedisPubSubConnection<String, String> connection;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public RedisNotifications() {
        client = RedisClient.create("redis://127.0.0.1:" + System.getenv().getOrDefault("REDIS_PORT", "6379"));
        connection = client.connectPubSub();
        connection.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String pattern, String channel, String message) {
                received.add(new Received(channel, message));
            }
        });
        connection.sync().psubscribe("studybuddy:user:*:notifications");
    }

    /** The messages published on the user's channel since this subscriber started. */
    public List<String> of(UUID user) {
        String channel = "studybuddy:user:" + user + ":notifications";
        return received.stream()
                .filter(r -> r.channel().equals(channel))
                .map(Received::message)
                .toList();
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }

    private record Received(String channel, String message) {}
}
