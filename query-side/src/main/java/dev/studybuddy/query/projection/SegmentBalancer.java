package dev.studybuddy.query.projection;

import dev.studybuddy.platform.scheduling.PeriodicTask;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Splits the segments of every pooled processor among the live query-side nodes. Axon's pooled processors
 * claim whatever is unclaimed and never let go, so the first node to start holds every segment and a later
 * one gets none. Every {@code interval} each node:
 * <ol>
 *   <li>announces itself in Redis: a key with a TTL of {@code node-timeout} naming the processors it runs,
 *       listed in a set of the cluster's nodes;</li>
 *   <li>counts, per processor, the live nodes that run it (itself included), and its fair share:
 *       {@code ceil(segments / live nodes)};</li>
 *   <li>releases what it holds above that share ({@code releaseSegment} for {@code release-for}), for the
 *       nodes below it to claim. It never goes below its share, and a single node keeps every segment. A
 *       segment it has held for less than {@code node-timeout + interval} is kept ({@link RecentTakeovers}):
 *       it may have been taken over from a crashed node that the count still includes.</li>
 * </ol>
 * Why Redis heartbeats rather than the token store's owners: a node that holds no segment owns no token, so
 * the token store cannot tell that it exists, and that is precisely the node that needs segments. A Redis
 * key expires by itself (server time, so no clock skew) when a node dies. When Redis cannot be read, the
 * node releases nothing: giving segments to nodes it cannot see would only stall them.
 */
@Component
class SegmentBalancer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);
    private static final String KEY_PREFIX = "studybuddy:query-side:";

    private final EventProcessingConfiguration processing;
    private final StringRedisTemplate redis;
    private final SegmentBalancingProperties properties;
    private final String node;
    private final String nodesKey;
    private final String nodeKeyPrefix;
    private final RecentTakeovers takeovers;
    private PeriodicTask balancer;

    SegmentBalancer(
            EventProcessingConfiguration processing,
            StringRedisTemplate redis,
            SegmentBalancingProperties properties,
            NodeIdentity node,
            @Value("${spring.datasource.url}") String tokenStoreUrl) {
        this.processing = processing;
        this.redis = redis;
        this.properties = properties;
        this.node = node.id();
        String cluster = properties.cluster().isBlank() ? shortHash(tokenStoreUrl) : properties.cluster();
        this.nodesKey = KEY_PREFIX + cluster + ":nodes";
        this.nodeKeyPrefix = KEY_PREFIX + cluster + ":node:";
        this.takeovers = new RecentTakeovers(properties.nodeTimeout().plus(properties.interval()), Clock.systemUTC());
    }

    void balance() {
        try {
            Map<String, PooledStreamingEventProcessor> running = runningProcessors();
            announce(running.keySet());
            Map<String, Integer> liveNodes = liveNodesPerProcessor();
            running.forEach((name, processor) -> balance(name, processor, liveNodes.getOrDefault(name, 0)));
        } catch (RuntimeException e) {
            log.warn("Balancing processor segments failed; this node keeps what it holds and tries again", e);
        }
    }

    private void balance(String name, PooledStreamingEventProcessor processor, int liveNodes) {
        if (liveNodes < 1) {
            return; // not even this node's announcement is visible: nothing to go by
        }
        if (ReplayCoordinator.replayingLocally(processor)) {
            // a segment handed over mid-replay stalls for the other node's claim interval and is read again from its
            // last stored token: the node that reset the tokens keeps them all until its replay has caught up
            return;
        }
        int segments = processing.tokenStore(name).fetchSegments(name).length;
        List<Integer> held =
                processor.processingStatus().keySet().stream().sorted().toList();
        List<Integer> surplus = takeovers.releasable(name, held, new FairShare(segments, liveNodes).surplus(held));
        if (surplus.isEmpty()) {
            return;
        }
        log.info(
                "Releasing segments {} of {}: holding {} of {} segments, {} live nodes",
                surplus,
                name,
                held.size(),
                segments,
                liveNodes);
        surplus.forEach(segment ->
                processor.releaseSegment(segment, properties.releaseFor().toMillis(), TimeUnit.MILLISECONDS));
    }

    private Map<String, PooledStreamingEventProcessor> runningProcessors() {
        Map<String, PooledStreamingEventProcessor> running = new TreeMap<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof PooledStreamingEventProcessor pooled && pooled.isRunning()) {
                running.put(name, pooled);
            }
        });
        return running;
    }

    private void announce(Set<String> processors) {
        redis.opsForValue().set(nodeKeyPrefix + node, String.join(",", processors), properties.nodeTimeout());
        redis.opsForSet().add(nodesKey, node);
    }

    /** Per processor, how many live nodes run it; nodes whose announcement expired leave the set. */
    private Map<String, Integer> liveNodesPerProcessor() {
        List<String> nodes = List.copyOf(redis.opsForSet().members(nodesKey));
        List<String> announcements = redis.opsForValue()
                .multiGet(nodes.stream().map(id -> nodeKeyPrefix + id).toList());
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            String announcement = announcements == null ? null : announcements.get(i);
            if (announcement == null) {
                redis.opsForSet().remove(nodesKey, nodes.get(i));
                continue;
            }
            Arrays.stream(announcement.split(","))
                    .filter(name -> !name.isBlank())
                    .forEach(name -> counts.merge(name, 1, Integer::sum));
        }
        return counts;
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            return;
        }
        balancer = PeriodicTask.every(properties.interval(), "segment-balancer", this::balance)
                .firstAfter(Duration.ZERO);
        balancer.start();
    }

    /** Leaves at once on a graceful stop, so the other nodes take this node's segments without waiting for the TTL. */
    @Override
    public void stop() {
        if (balancer == null) {
            return;
        }
        balancer.stop();
        balancer = null;
        try {
            redis.delete(nodeKeyPrefix + node);
            redis.opsForSet().remove(nodesKey, node);
        } catch (RuntimeException e) {
            log.warn("Could not take this node out of Redis; its announcement expires by itself", e);
        }
    }

    @Override
    public boolean isRunning() {
        return balancer != null;
    }

    /** After Axon's processors have started (they start in the default phase range); stopped before them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
