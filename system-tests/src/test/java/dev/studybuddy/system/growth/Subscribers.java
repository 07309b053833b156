package dev.studybuddy.system.growth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/**
 * STOMP subscribers on the query nodes, each subscribed to every benchmark group's topic. A message's body
 * is {@code "<tag> <System.nanoTime() at send>"}; deliveries are tallied per tag with their send→deliver
 * latency (sender and subscribers share this JVM's clock). A reaction's frame is tallied under the tag it was
 * {@linkplain #expectReaction expected} with.
 */
final class Subscribers implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<WebSocketStompClient> clients = new ArrayList<>();
    private final List<StompSession> sessions = new ArrayList<>();
    private final Map<String, Latencies> deliveries = new ConcurrentHashMap<>();
    /** Deliveries per tag and per node (the index of the node's address among the benchmark's nodes). */
    private final Map<String, Map<Integer, AtomicLong>> perNode = new ConcurrentHashMap<>();

    private final Map<Integer, Integer> sessionsPerNode = new ConcurrentHashMap<>();
    /** Per message body of the named tags, the sessions on each node that got it (for naming the messages lost). */
    private final Map<String, Map<Integer, AtomicLong>> perBody = new ConcurrentHashMap<>();

    private final Set<String> namedTags;

    /** The reactions sent, by {@link #reactionKey}: the tag they are tallied under, and when each was due. */
    private final Map<String, ExpectedReaction> reactions = new ConcurrentHashMap<>();

    private record ExpectedReaction(String tag, long sentAt) {}

    /**
     * @param namedTags the tags whose deliveries are also kept message by message ({@link #undelivered}); the others
     *                  are only counted, so that a baseline of a hundred thousand messages costs no map entry each
     */
    Subscribers(String... namedTags) {
        this.namedTags = Set.of(namedTags);
    }

    /** Connects one session per (node, token) pair and subscribes each to every group. */
    void connect(int node, String nodeUrl, String accessToken, List<UUID> groups) throws Exception {
        WebSocketStompClient stomp = new WebSocketStompClient(new StandardWebSocketClient());
        clients.add(stomp);
        StompHeaders connect = new StompHeaders();
        connect.add("Authorization", "Bearer " + accessToken);
        StompSession session = stomp.connectAsync(
                        nodeUrl.replaceFirst("^http", "ws") + "/ws",
                        new WebSocketHttpHeaders(),
                        connect,
                        new StompSessionHandlerAdapter() {
                            @Override
                            public void handleTransportError(StompSession session, Throwable exception) {
                                System.err.println("subscriber transport error: " + exception);
                            }
                        })
                .get(30, TimeUnit.SECONDS);
        sessions.add(session);
        sessionsPerNode.merge(node, 1, Integer::sum);
        for (UUID group : groups) {
            session.subscribe("/topic/groups." + group, new StompFrameHandler() {
                @Override
                public Type getPayloadType(StompHeaders headers) {
                    return byte[].class;
                }

                @Override
                public void handleFrame(StompHeaders headers, Object payload) {
                    received(node, System.nanoTime(), (byte[]) payload);
                }
            });
        }
    }

    int count() {
        return sessions.size();
    }

    /** The sessions connected to the node. */
    int sessionsOn(int node) {
        return sessionsPerNode.getOrDefault(node, 0);
    }

    /** The deliveries of {@code tag} that the sessions on each node got, by node. */
    Map<Integer, Long> deliveredPerNode(String tag) {
        Map<Integer, Long> delivered = new TreeMap<>();
        sessionsPerNode.keySet().forEach(node -> delivered.put(node, 0L));
        perNode.getOrDefault(tag, Map.of()).forEach((node, count) -> delivered.put(node, count.get()));
        return delivered;
    }

    /**
     * A reaction about to be given: its {@code reaction.changed} frames are tallied under {@code tag} and timed from
     * {@code sentAt}. Registered before it is sent, as its frames may arrive before its answer.
     */
    void expectReaction(String messageId, UUID userId, String emoji, String tag, long sentAt) {
        reactions.put(reactionKey(messageId, userId.toString(), emoji), new ExpectedReaction(tag, sentAt));
    }

    private static String reactionKey(String messageId, String userId, String emoji) {
        return messageId + " " + userId + " " + emoji;
    }

    private void received(int node, long now, byte[] payload) {
        try {
            JsonNode frame = JSON.readTree(payload);
            if ("reaction.changed".equals(frame.path("type").asText())) {
                ExpectedReaction expected = reactions.get(reactionKey(
                        frame.path("messageId").asText(),
                        frame.path("userId").asText(),
                        frame.path("emoji").asText()));
                if (expected != null && frame.path("added").asBoolean()) {
                    tally(expected.tag(), node, expected.sentAt(), now);
                }
                return;
            }
            String[] body = frame.at("/message/body").asText("").split(" ");
            if (body.length == 2 && "message.posted".equals(frame.path("type").asText())) {
                tally(body[0], node, Long.parseLong(body[1]), now);
                if (namedTags.contains(body[0])) {
                    perBody.computeIfAbsent(body[0] + " " + body[1], text -> new ConcurrentHashMap<>())
                            .computeIfAbsent(node, n -> new AtomicLong())
                            .incrementAndGet();
                }
            }
        } catch (IOException | NumberFormatException e) {
            System.err.println("unreadable frame: " + e);
        }
    }

    private void tally(String tag, int node, long sentAt, long now) {
        deliveries.computeIfAbsent(tag, t -> new Latencies()).add(sentAt, now - sentAt);
        perNode.computeIfAbsent(tag, t -> new ConcurrentHashMap<>())
                .computeIfAbsent(node, n -> new AtomicLong())
                .incrementAndGet();
    }

    /**
     * Of the named tags' message bodies sent, those that some session did not get, each with the deliveries it had per node (an
     * empty map: no session got it).
     */
    Map<String, Map<Integer, Long>> undelivered(Iterable<String> sentBodies) {
        Map<String, Map<Integer, Long>> undelivered = new TreeMap<>();
        for (String body : sentBodies) {
            Map<Integer, Long> got = new TreeMap<>();
            perBody.getOrDefault(body, Map.of()).forEach((node, count) -> got.put(node, count.get()));
            if (sessionsPerNode.entrySet().stream()
                    .anyMatch(node -> got.getOrDefault(node.getKey(), 0L) < node.getValue())) {
                undelivered.put(body, got);
            }
        }
        return undelivered;
    }

    /** Waits until {@code expected} deliveries of {@code tag} have arrived, or nothing more came for a while. */
    Latencies awaitDeliveries(String tag, long expected) throws InterruptedException {
        Latencies tally = deliveries.computeIfAbsent(tag, t -> new Latencies());
        long quietSince = System.nanoTime();
        int last = -1;
        while (tally.count() < expected && System.nanoTime() - quietSince < TimeUnit.SECONDS.toNanos(15)) {
            if (tally.count() != last) {
                last = tally.count();
                quietSince = System.nanoTime();
            }
            Thread.sleep(100);
        }
        return tally;
    }

    @Override
    public void close() {
        sessions.forEach(session -> {
            try {
                if (session.isConnected()) {
                    session.disconnect();
                }
            } catch (MessageDeliveryException closedMeanwhile) {
                // the server closed it between the check and the DISCONNECT: closed is what we wanted
            }
        });
        clients.forEach(WebSocketStompClient::stop);
    }
}
