package dev.studybuddy.query.projection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Since when this node holds each segment of each processor, so that a segment just taken over from a crashed node
 * is not given away again at once: while the crashed node still counts as live (up to the node timeout), the fair
 * share counts it too, and releasing down to that share would leave the segment idle for the release time.
 */
final class RecentTakeovers {

    private final Duration grace;
    private final Clock clock;
    private final Map<String, Map<Integer, Instant>> heldSince = new HashMap<>();

    RecentTakeovers(Duration grace, Clock clock) {
        this.grace = grace;
        this.clock = clock;
    }

    /** Of the {@code candidates} for release, those this node has held for longer than the grace; updates what it holds. */
    List<Integer> releasable(String processor, Collection<Integer> held, List<Integer> candidates) {
        Instant now = clock.instant();
        Map<Integer, Instant> since = heldSince.computeIfAbsent(processor, name -> new HashMap<>());
        since.keySet().retainAll(held);
        held.forEach(segment -> since.putIfAbsent(segment, now));
        return candidates.stream()
                .filter(segment -> !since.get(segment).plus(grace).isAfter(now))
                .toList();
    }
}
