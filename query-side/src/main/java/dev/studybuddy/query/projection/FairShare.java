package dev.studybuddy.query.projection;

import java.util.List;

/** The segments one of {@code nodes} live nodes should hold at most: {@code ceil(segments / nodes)}. */
record FairShare(int segments, int nodes) {

    FairShare {
        if (nodes < 1) {
            throw new IllegalArgumentException("At least this node is live");
        }
    }

    int limit() {
        return (segments + nodes - 1) / nodes;
    }

    /** The segments to give away from those held (sorted): the highest ids above the limit, none at or below it. */
    List<Integer> surplus(List<Integer> held) {
        return held.size() <= limit() ? List.of() : List.copyOf(held.subList(limit(), held.size()));
    }
}
