package dev.studybuddy.query.projection;

import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import dev.studybuddy.platform.scheduling.PeriodicTask;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Replays a projection on every query-side node: a reset on one node needs every other node to have
 * released its segments first (Axon refuses to reset tokens that another node has claimed). The request
 * is a row in {@code projection_replays}, which every node polls:
 * <ol>
 *   <li>{@code POST .../replay} writes a new generation of the processor's row, state {@code REQUESTED};</li>
 *   <li>each node that sees a generation it has not handled shuts its processor down (releasing its claims);</li>
 *   <li>the first node to move the row to {@code RESETTING} resets the tokens (the {@code @ResetHandler}s
 *       clear the read model), retrying while other nodes still hold segments, starts its processor, and marks the
 *       row {@code DONE} once its processor holds every segment (or {@code FAILED}, then starts it);</li>
 *   <li>every other node starts its processor once the row says {@code DONE} or {@code FAILED}, or after
 *       {@code studybuddy.projections.replay-timeout} whatever it says, so that no node stays down.</li>
 * </ol>
 * A node that writes the row (a request, or the end of a reset) also says so on Redis ({@link ReplayNudges}), and the
 * others poll at once instead of at their next poll: the other nodes release their segments within milliseconds, and
 * the resetting node tries again every {@code reset-retry-interval}. The row stays the only thing nodes rely on: a
 * nudge lost costs a poll interval. The node that resets claims every segment before the others may start theirs (so
 * none of them can win a segment in their first claim round), and {@link SegmentBalancer} leaves them with it until
 * its replay has caught up.
 */
@Component
public class ReplayCoordinator implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReplayCoordinator.class);

    private final EventProcessingConfiguration processing;
    private final ReplayRequests requests;
    private final ReplayNudges nudges;
    private final TokenReset tokens;
    private final ProjectionProperties properties;
    private final Clock clock = Clock.systemUTC();
    private final String node = "query-side-" + UUID.randomUUID();
    /** Per processor: the generation of the last request this node has handled. */
    private final Map<String, Long> handled = new ConcurrentHashMap<>();
    /** Per processor: this node shut it down for a replay and has not started it again. */
    private final Set<String> stopped = ConcurrentHashMap.newKeySet();
    /** Per processor, refreshed by every poll: a request of it is pending or being reset. */
    private final Set<String> rebuilding = ConcurrentHashMap.newKeySet();

    private volatile PeriodicTask poller;

    ReplayCoordinator(
            EventProcessingConfiguration processing,
            ReplayRequests requests,
            ReplayNudges nudges,
            TokenReset tokens,
            ProjectionProperties properties) {
        this.processing = processing;
        this.requests = requests;
        this.nudges = nudges;
        this.tokens = tokens;
        this.properties = properties;
    }

    /** Asks every node to replay the processor; refused while a replay of it is still being set up. */
    public long request(String processorName, String requestedBy) {
        StreamingEventProcessor processor = processor(processorName)
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "No projection " + processorName + "."));
        if (!processor.supportsReset()) {
            throw new DomainException(ErrorCode.CONFLICT, "The projection " + processorName + " cannot be replayed.");
        }
        long generation = requests.request(processorName, requestedBy)
                .orElseThrow(() -> new DomainException(
                        ErrorCode.CONFLICT, "A replay of " + processorName + " is already under way."));
        rebuilding.add(processorName);
        poller.execute(this::poll);
        nudges.nudgeOtherNodes();
        return generation;
    }

    /**
     * Whether reads served by the processor's projection are incomplete because it is being rebuilt: a
     * replay request is pending or being reset (any node, from the request row), this node has stopped
     * the processor for one, or one of this node's segments is replaying and has not caught up. (A
     * segment may keep a replay token after it has caught up, until it passes a newer event; that is
     * not a rebuild.) With several nodes, a node whose own segments have finished their replay answers
     * without the header while another node's segments may still be replaying.
     */
    public boolean isRebuilding(String processorName) {
        return isReplayPending(processorName)
                || processor(processorName)
                        .map(ReplayCoordinator::replayingLocally)
                        .orElse(false);
    }

    /**
     * Whether a replay of the processor is requested or being reset (any node), or this node has stopped the
     * processor for one: the part of {@link #isRebuilding} that is not about this node's segments.
     */
    boolean isReplayPending(String processorName) {
        return rebuilding.contains(processorName) || stopped.contains(processorName);
    }

    /** Whether one of the processor's segments on this node is replaying and has not caught up. */
    static boolean replayingLocally(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream()
                .anyMatch(status -> status.isReplaying() && !status.isCaughtUp());
    }

    private void poll() {
        try {
            for (String name : processing.eventProcessors().keySet()) {
                requests.latest(name).ifPresent(request -> follow(name, request));
                refreshRebuilding(name);
            }
        } catch (RuntimeException e) {
            log.warn("Polling projection replay requests failed; trying again", e);
        }
    }

    private void follow(String name, ReplayRequests.ReplayRequest request) {
        if (handled.getOrDefault(name, 0L) >= request.generation()) {
            return;
        }
        StreamingEventProcessor processor = processor(name).orElse(null);
        if (processor == null) {
            handled.put(name, request.generation());
            return;
        }
        if (stopped.add(name)) {
            log.info(
                    "Replay {} of {} requested by {}: releasing this node's segments",
                    request.generation(),
                    name,
                    request.requestedBy());
            processor.shutDown();
        }
        if (ReplayRequests.REQUESTED.equals(request.state()) && requests.claimReset(name, request.generation(), node)) {
            Optional<String> failure = tokens.reset(name, request.generation(), processor);
            if (failure.isEmpty()) {
                tokens.startHoldingEverySegment(name, request.generation(), processor);
                finish(name, request.generation(), ReplayRequests.DONE, null);
                resumed(name, request.generation());
            } else {
                finish(name, request.generation(), ReplayRequests.FAILED, failure.get());
                resume(name, request.generation(), processor);
            }
        } else if (ReplayRequests.DONE.equals(request.state())
                || ReplayRequests.FAILED.equals(request.state())
                || request.requestedAt().plus(properties.replayTimeout()).isBefore(clock.instant())) {
            resume(name, request.generation(), processor);
        }
    }

    private void finish(String name, long generation, String state, String detail) {
        requests.finish(name, generation, state, detail);
        nudges.nudgeOtherNodes();
    }

    private void pollNow() {
        PeriodicTask running = poller;
        if (running == null) {
            return;
        }
        try {
            running.execute(this::poll);
        } catch (RejectedExecutionException stopping) {
            // this node is stopping: nothing left to follow
        }
    }

    private void resume(String name, long generation, StreamingEventProcessor processor) {
        processor.start();
        resumed(name, generation);
    }

    private void resumed(String name, long generation) {
        stopped.remove(name);
        handled.put(name, generation);
        refreshRebuilding(name);
    }

    private void refreshRebuilding(String name) {
        if (requests.pending(name)) {
            rebuilding.add(name);
        } else {
            rebuilding.remove(name);
        }
    }

    private Optional<StreamingEventProcessor> processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class);
    }

    @Override
    public void start() {
        // Requests handled before this node started are not this node's business: its processor starts
        // from whatever tokens the store holds. A request still under way is joined.
        for (String name : processing.eventProcessors().keySet()) {
            requests.latest(name)
                    .ifPresent(request -> handled.put(
                            name,
                            ReplayRequests.DONE.equals(request.state()) || ReplayRequests.FAILED.equals(request.state())
                                    ? request.generation()
                                    : request.generation() - 1));
        }
        poller = PeriodicTask.every(properties.replayPollInterval(), "projection-replays", this::poll);
        poller.start();
        nudges.listen(this::pollNow);
    }

    @Override
    public void stop() {
        nudges.stopListening();
        if (poller != null) {
            poller.stop();
            poller = null;
        }
    }

    @Override
    public boolean isRunning() {
        return poller != null;
    }

    /** After Axon's processors have started (they start in the default phase range). */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
