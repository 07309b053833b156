package dev.studybuddy.query.projection;

import dev.studybuddy.platform.audit.EventsAfter;
import dev.studybuddy.platform.audit.StoredEvents;
import dev.studybuddy.platform.deadletter.DeadLetters;
import dev.studybuddy.platform.metrics.UnclaimedSegments;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoTrackingToken;
import org.springframework.stereotype.Component;

/**
 * What each event processor of this node is doing: running, replaying, where each of its segments
 * stands in the store and how far behind the newest event it is. Mongo tracking tokens carry no
 * numeric position, only the time of the last event they passed, so lag and replay progress are
 * counted in events by time: "events stored after the segment's position". Only events after a position are
 * counted, never the whole history: the total is the store's estimate, and what a replay has done is the total less
 * what it has still to do. Each count stops at {@value #COUNTED_UP_TO} events and is estimated beyond ({@link
 * EventsAfter}), so a status costs at most that per segment, however far behind the processors are.
 */
@Component
class ProjectionStatuses {

    /** Lags up to this many events are counted exactly; larger ones are estimated (and flagged so). */
    static final long COUNTED_UP_TO = 1_000;

    private final EventProcessingConfiguration processing;
    private final ReplayCoordinator replays;
    private final ReplayRequests requests;
    private final StoredEvents storedEvents;
    private final DeadLetters deadLetters;

    ProjectionStatuses(
            EventProcessingConfiguration processing,
            ReplayCoordinator replays,
            ReplayRequests requests,
            StoredEvents storedEvents,
            DeadLetters deadLetters) {
        this.processing = processing;
        this.replays = replays;
        this.requests = requests;
        this.storedEvents = storedEvents;
        this.deadLetters = deadLetters;
    }

    List<ProjectionStatus> all() {
        Map<String, Long> parked = deadLetters.counts();
        EventsAfter stored = new EventsAfter(storedEvents, COUNTED_UP_TO);
        return processing.eventProcessors().values().stream()
                .sorted(Comparator.comparing(EventProcessor::getName))
                .map(processor -> status(processor, parked.getOrDefault(processor.getName(), 0L), stored))
                .toList();
    }

    private ProjectionStatus status(EventProcessor processor, long parked, EventsAfter stored) {
        String name = processor.getName();
        if (!(processor instanceof StreamingEventProcessor streaming)) {
            return new ProjectionStatus(
                    name,
                    processor.isRunning(),
                    processor.isError() || parked > 0,
                    parked,
                    false,
                    replays.isRebuilding(name),
                    null,
                    false,
                    List.of(),
                    List.of(),
                    requests.latest(name).orElse(null));
        }
        // the reset point: when the last replay's tokens were reset (the status' tokens come unwrapped)
        Instant resetAt = requests.latest(name)
                .map(ReplayRequests.ReplayRequest::finishedAt)
                .orElse(null);
        List<SegmentStatus> segments = streaming.processingStatus().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(entry -> segment(entry.getKey(), entry.getValue(), stored, resetAt))
                .toList();
        SegmentStatus furthestBehind = segments.stream()
                .max(Comparator.comparingLong(SegmentStatus::behindHead))
                .orElse(null);
        // this node's part as its segments report it (caught up as soon as nothing is stored after them)
        boolean rebuilding = replays.isReplayPending(name)
                || segments.stream().anyMatch(segment -> segment.replaying() && !segment.caughtUp());
        return new ProjectionStatus(
                name,
                streaming.isRunning(),
                streaming.isError() || parked > 0,
                parked,
                streaming.isReplaying(),
                rebuilding,
                furthestBehind == null ? null : furthestBehind.behindHead(),
                furthestBehind != null && furthestBehind.behindHeadEstimated(),
                segments,
                UnclaimedSegments.of(processing, streaming),
                requests.latest(name).orElse(null));
    }

    private SegmentStatus segment(int segmentId, EventTrackerStatus status, EventsAfter stored, Instant resetAt) {
        TrackingToken token = status.getTrackingToken();
        Instant position = timeOf(ReplayToken.isReplay(token) ? ((ReplayToken) token).getCurrentToken() : token);
        EventsAfter.Count behindHead = stored.after(position);
        Double replayProgress = null;
        if (status.isReplaying()) {
            long total = stored.total();
            long toReplay = resetAt == null
                    ? 0
                    : Math.max(0, total - stored.after(resetAt).events());
            long replayed = Math.max(0, total - behindHead.events());
            replayProgress = toReplay == 0 ? 1.0 : Math.min(1.0, (double) replayed / toReplay);
        }
        return new SegmentStatus(
                segmentId,
                status.getSegment().getMask(),
                caughtUp(status, behindHead.events()),
                status.isReplaying(),
                status.isErrorState(),
                position,
                behindHead.events(),
                !behindHead.exact(),
                replayProgress);
    }

    /**
     * Axon's flag, or nothing stored after the segment's position. A pooled processor marks its segments caught up only
     * at its coordinator's next round after it found the stream empty with every batch done, and with no new event to
     * wake it that round comes a claim interval (2 s) later: a finished replay was reported up to 2 s late (1.5 s of
     * the growth benchmark's 9.4 s replay at N = 10,000 came after the last event was handled).
     */
    static boolean caughtUp(EventTrackerStatus status, long behindHead) {
        return status.isCaughtUp() || (behindHead == 0 && !status.isErrorState());
    }

    private static Instant timeOf(TrackingToken token) {
        return token instanceof MongoTrackingToken mongo ? mongo.getTimestamp() : null;
    }

    /**
     * @param error       a segment is failing here, or events are parked (see {@code deadLetters})
     * @param deadLetters events parked in the processor's dead-letter queue (shared by all nodes)
     * @param rebuilding  a replay is requested, under way on some node, or this node is replaying
     * @param lag         events stored after the position of the segment furthest behind (on this node)
     * @param lagEstimated that lag is more than {@value #COUNTED_UP_TO} events, and estimated
     * @param segments    this node's segments
     * @param unclaimedSegments the processor's segments that no node holds (their events wait until one claims them;
     *                    for a few seconds after a node stops, until the claim it held runs out and a survivor claims)
     */
    record ProjectionStatus(
            String name,
            boolean running,
            boolean error,
            long deadLetters,
            boolean replaying,
            boolean rebuilding,
            Long lag,
            boolean lagEstimated,
            List<SegmentStatus> segments,
            List<Integer> unclaimedSegments,
            ReplayRequests.ReplayRequest lastReplay) {}

    /**
     * @param position       time of the last event the segment has passed (null: none yet)
     * @param caughtUp       Axon says so, or nothing is stored after the position ({@link #caughtUp(EventTrackerStatus, long)})
     * @param behindHead     events stored after that position: counted up to {@value #COUNTED_UP_TO}, estimated beyond
     *                       from the times of the store's first and last events, as if they came at an even rate
     * @param behindHeadEstimated more than {@value #COUNTED_UP_TO} events behind, so estimated
     * @param replayProgress during a replay, the share (0..1) of the events up to the reset point replayed so far
     */
    record SegmentStatus(
            int segment,
            int mask,
            boolean caughtUp,
            boolean replaying,
            boolean error,
            Instant position,
            long behindHead,
            boolean behindHeadEstimated,
            Double replayProgress) {}
}
