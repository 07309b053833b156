package dev.studybuddy.query.support;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/** Real STOMP clients over a real WebSocket ({@link StandardWebSocketClient}) against a query-side node. */
public final class StompClients {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StompClients() {}

    /** Opens a session; {@code authorization} is the CONNECT's Authorization header (null: none). */
    public static Client connect(int port, String authorization) {
        WebSocketStompClient stomp = new WebSocketStompClient(new StandardWebSocketClient());
        Client client = new Client(stomp);
        StompHeaders connect = new StompHeaders();
        if (authorization != null) {
            connect.add("Authorization", authorization);
        }
        client.connecting = stomp.connectAsync(
                "ws://127.0.0.1:" + port + "/ws", new WebSocketHttpHeaders(), connect, client.handler);
        return client;
    }

    public static Client connected(int port, String accessToken) throws Exception {
        Client client = connect(port, "Bearer " + accessToken);
        client.session = client.connecting.get(30, TimeUnit.SECONDS);
        return client;
    }

    public static final class Client implements AutoCloseable {

        public static final String CLOSED_WITHOUT_ERROR_FRAME = "CLOSED without an ERROR frame";

        private final WebSocketStompClient stomp;
        /** ERROR frames' messages and transport failures, in order. */
        public final BlockingQueue<String> errors = new LinkedBlockingQueue<>();
        /** Every frame received on any subscription, in order. */
        public final List<JsonNode> frames = new CopyOnWriteArrayList<>();

        private volatile java.util.function.Consumer<JsonNode> listener = frame -> {};
        private final Map<String, StompSession.Subscription> subscriptions = new ConcurrentHashMap<>();
        CompletableFuture<StompSession> connecting;
        StompSession session;

        private final StompSessionHandlerAdapter handler = new StompSessionHandlerAdapter() {
            @Override
            public Type getPayloadType(StompHeaders headers) {
                return byte[].class;
            }

            @Override
            public void handleFrame(StompHeaders headers, Object payload) {
                errors.add("ERROR " + headers.getFirst("message"));
            }

            @Override
            public void handleException(
                    StompSession session,
                    StompCommand command,
                    StompHeaders headers,
                    byte[] payload,
                    Throwable exception) {
                errors.add("EXCEPTION " + exception);
            }

            @Override
            public void handleTransportError(StompSession session, Throwable exception) {
                errors.add("TRANSPORT " + exception);
            }
        };

        Client(WebSocketStompClient stomp) {
            this.stomp = stomp;
        }

        public Client subscribe(String destination) {
            subscriptions.put(destination, session.subscribe(destination, new StompFrameHandler() {
                @Override
                public Type getPayloadType(StompHeaders headers) {
                    return byte[].class;
                }

                @Override
                public void handleFrame(StompHeaders headers, Object payload) {
                    try {
                        JsonNode frame = JSON.readTree((byte[]) payload);
                        frames.add(frame);
                        listener.accept(frame);
                    } catch (IOException e) {
                        errors.add("UNREADABLE " + e);
                    }
                }
            }));
            return this;
        }

        /** Sends UNSUBSCRIBE for this client's subscription to {@code destination}. */
        public void unsubscribe(String destination) {
            subscriptions.remove(destination).unsubscribe();
        }

        /** Also hands every frame to {@code onFrame} as it arrives (the benchmark measures latency there). */
        public void onFrame(java.util.function.Consumer<JsonNode> onFrame) {
            this.listener = onFrame;
        }

        public void send(String destination, Object payload) {
            session.send(destination, payload);
        }

        /**
         * What the server answered a refused SUBSCRIBE or SEND: the message of its ERROR frame, or
         * {@link #CLOSED_WITHOUT_ERROR_FRAME}. After an ERROR frame the server closes the connection, and
         * the client sometimes learns of the close first, or not at all of the frame (the server's send
         * buffer may still hold it when the connection closes), so transport errors are skipped and a
         * close without any ERROR frame within a few seconds counts as the refusal it is.
         */
        public String awaitRefusal() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            long closedDeadline = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, closedDeadline)) {
                String error = errors.poll(200, TimeUnit.MILLISECONDS);
                if (error != null && error.startsWith("ERROR ")) {
                    return error;
                }
                if (error != null && error.startsWith("TRANSPORT ") && closedDeadline == Long.MAX_VALUE) {
                    closedDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
                }
            }
            return closedDeadline != Long.MAX_VALUE && !isConnected() ? CLOSED_WITHOUT_ERROR_FRAME : null;
        }

        /**
         * Returns once a frame published on the Redis {@code channel} reaches this client. A SUBSCRIBE gets no
         * receipt here, so a probe published until it arrives shows the subscription and the node's fan-out in place.
         */
        public Client awaitFanOut(StringRedisTemplate redis, String channel, Duration limit) {
            return awaitFanOut(redis, channel, "{\"type\":\"probe\"}", limit);
        }

        /** As {@link #awaitFanOut(StringRedisTemplate, String, Duration)}, with a probe of the channel's own shape. */
        public Client awaitFanOut(StringRedisTemplate redis, String channel, String probe, Duration limit) {
            await().atMost(limit).pollInterval(Duration.ofMillis(200)).until(() -> {
                redis.convertAndSend(channel, probe);
                return !framesOf("probe").isEmpty();
            });
            return this;
        }

        /** The frames of {@code type} received so far. */
        public List<JsonNode> framesOf(String type) {
            return frames.stream()
                    .filter(frame -> type.equals(frame.path("type").asText()))
                    .toList();
        }

        public boolean isConnected() {
            return session != null && session.isConnected();
        }

        /**
         * Says DISCONNECT if the session still looks open, then stops the client. The server may close the session
         * between the check and the frame (a refused subscription ends it with an ERROR frame); sending then fails,
         * and a session that is already gone is what closing wanted.
         */
        @Override
        public void close() {
            try {
                if (session != null && session.isConnected()) {
                    session.disconnect();
                }
            } catch (MessageDeliveryException alreadyClosed) {
                // closed by the server meanwhile
            } finally {
                stomp.stop();
            }
        }
    }
}
