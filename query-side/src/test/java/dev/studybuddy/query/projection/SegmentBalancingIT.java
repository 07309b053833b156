package dev.studybuddy.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.studybuddy.api.group.GroupMessagePostedEvent;
import dev.studybuddy.api.group.GroupVisibility;
import dev.studybuddy.api.group.JoinPolicy;
import dev.studybuddy.platform.consistency.ConsistencyToken;
import dev.studybuddy.query.chat.ChatProjection;
import dev.studybuddy.query.support.Chats;
import dev.studybuddy.query.support.Groups;
import dev.studybuddy.query.support.HandledEvents;
import dev.studybuddy.query.support.QuerySideIT;
import dev.studybuddy.query.support.ReplayGate;
import dev.studybuddy.query.support.SecondNode;
import dev.studybuddy.query.support.UserAccounts;
import dev.studybuddy.testing.ApiClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/**
 * Two query-side nodes (the second a separate Spring context in this JVM, on the same PostgreSQL, event
 * store and Redis) split every pooled processor's segments through {@link SegmentBalancer}, although the
 * first node had claimed them all before the second started, and still handle each event once. A replay requested
 * on one node is followed by the other at once (nudged over Redis: the second node's own poll is minutes away), and
 * its segments, even those that node had released just before (as the balancer does), go to the node that reset them
 * and stay with it until the replay has caught up.
 */
@QuerySideIT
class SegmentBalancingIT {

    private static final String USERS = "users";

    /** Longer than the test waits for one node to replay every segment. */
    private static final Duration RECENT_RELEASE = Duration.ofSeconds(40);

    private static SecondNode secondNode;

    @LocalServerPort
    int port;

    @Autowired
    ReplayGate gate;

    @Autowired
    ReplayRequests replays;

    @Autowired
    Environment environment;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    MeterRegistry meters;

    @Autowired
    Groups groups;

    @Autowired
    Chats chats;

    @Autowired
    UserAccounts accounts;

    @AfterAll
    static void stopSecondNode() {
        if (secondNode != null) {
            secondNode.close();
            secondNode = null;
        }
    }

    @Test
    void aNodeStartedLaterGetsItsShareOfEverySegmentAndEachEventIsHandledOnce() {
        PooledStreamingEventProcessor firstChat = pooled(processing, ChatProjection.PROCESSING_GROUP);
        int segments = processing
                .tokenStore(ChatProjection.PROCESSING_GROUP)
                .fetchSegments(ChatProjection.PROCESSING_GROUP)
                .length;
        await().atMost(Duration.ofSeconds(30))
                .until(() -> firstChat.processingStatus().size() == segments);
        assertThat(segments).as("enough segments to share").isGreaterThan(1);

        EventProcessingConfiguration second = secondNode();
        for (String name : processing.eventProcessors().keySet()) {
            awaitSplit(name, second);
        }

        MeterRegistry secondMeters = secondNode.context().getBean(MeterRegistry.class);
        double firstBefore = postedHandled(meters);
        double secondBefore = postedHandled(secondMeters);
        int messages = 24;
        IntStream.range(0, messages).forEach(i -> {
            UUID owner = UUID.randomUUID();
            UUID group = groups.create(
                            owner, "Balanced " + UUID.randomUUID(), GroupVisibility.PUBLIC, JoinPolicy.OPEN, 10)
                    .groupId();
            chats.post(group, owner, "message " + i);
        });

        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        postedHandled(meters) - firstBefore + postedHandled(secondMeters) - secondBefore >= messages);
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .alias("no event handled twice")
                .until(() ->
                        postedHandled(meters) - firstBefore + postedHandled(secondMeters) - secondBefore == messages);
        assertThat(postedHandled(meters) - firstBefore)
                .as("the first node handled some")
                .isPositive();
        assertThat(postedHandled(secondMeters) - secondBefore)
                .as("the second node handled some")
                .isPositive();
    }

    @Test
    void aReplayIsFollowedByTheOtherNodeAtOnceAndStaysWithTheNodeThatResetItUntilItHasCaughtUp() {
        moreThanABatchOfUserEventsInEverySegment();
        EventProcessingConfiguration second = secondNode();
        awaitSplit(USERS, second);
        PooledStreamingEventProcessor onFirst = pooled(processing, USERS);
        PooledStreamingEventProcessor onSecond = pooled(second, USERS);
        int[] segmentIds = processing.tokenStore(USERS).fetchSegments(USERS);
        int total = segmentIds.length;
        ReplayGate secondGate = secondNode.context().getBean(ReplayGate.class);
        ApiClient admin = ApiClient.on(port).withToken(accounts.tokenOfNew("USER", "ADMIN"));

        gate.close();
        secondGate.close();
        // as the balancer leaves a segment it handed over: neither node may claim any back for longer than this test
        // waits, unless the node that resets lifts its own releases (it must claim every segment, even those)
        releaseAll(onFirst, segmentIds, RECENT_RELEASE);
        releaseAll(onSecond, segmentIds, RECENT_RELEASE);
        try {
            ApiClient.Response accepted = admin.post("/api/admin/projections/" + USERS + "/replay", null);
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
            long generation = accepted.json().path("generation").asLong();
            AtomicInteger mostHeldByOneNodeAtDone = new AtomicInteger(-1);
            await().atMost(Duration.ofSeconds(10))
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(1))
                    .alias("tokens reset without waiting for the second node's own poll, ten minutes away")
                    .until(() -> {
                        boolean done = replays.latest(USERS)
                                .filter(request -> request.generation() == generation)
                                .map(request -> ReplayRequests.DONE.equals(request.state()))
                                .orElse(false);
                        if (done) {
                            mostHeldByOneNodeAtDone.set(Math.max(
                                    onFirst.processingStatus().size(),
                                    onSecond.processingStatus().size()));
                        }
                        return done;
                    });
            // the other node starts its processor when it sees DONE: by then the node that reset holds every segment,
            // so the other cannot win one in its first claim round (segments are only claimed, never given up, here)
            assertThat(mostHeldByOneNodeAtDone.get())
                    .as("segments the node that reset held when the row first said DONE")
                    .isEqualTo(total);
            await().atMost(Duration.ofSeconds(10))
                    .alias("both nodes running the processor again")
                    .until(() -> onFirst.isRunning() && onSecond.isRunning());
            await().atMost(Duration.ofSeconds(30))
                    .alias("one node replaying every segment")
                    .until(() -> replayingAll(onFirst, total) || replayingAll(onSecond, total));
            PooledStreamingEventProcessor resetter = replayingAll(onFirst, total) ? onFirst : onSecond;
            PooledStreamingEventProcessor other = resetter == onFirst ? onSecond : onFirst;
            await().during(Duration.ofSeconds(3))
                    .atMost(Duration.ofSeconds(10))
                    .alias("no segment handed over in the middle of the replay (the balancer looks every second)")
                    .until(() -> replayingAll(resetter, total)
                            && other.processingStatus().isEmpty());
        } finally {
            gate.open();
            secondGate.open();
            releaseAll(onFirst, segmentIds, Duration.ofSeconds(-1));
            releaseAll(onSecond, segmentIds, Duration.ofSeconds(-1));
        }
        await().atMost(Duration.ofSeconds(60))
                .alias("the replay caught up")
                .until(() -> Stream.of(onFirst, onSecond)
                        .flatMap(processor -> processor.processingStatus().values().stream())
                        .noneMatch(status -> status.isReplaying() && !status.isCaughtUp()));
        awaitSplit(USERS, second);
    }

    @Test
    void aSegmentThatNoNodeHoldsIsReportedByEveryNode() {
        EventProcessingConfiguration second = secondNode();
        awaitSplit(USERS, second);
        PooledStreamingEventProcessor onFirst = pooled(processing, USERS);
        PooledStreamingEventProcessor onSecond = pooled(second, USERS);
        int orphan = onSecond.processingStatus().keySet().iterator().next();
        String token = accounts.tokenOfNew("USER", "AUDITOR");
        List<ApiClient> nodes = List.of(
                ApiClient.on(port).withToken(token),
                ApiClient.on(secondNode.port()).withToken(token));
        assertThat(nodes).allSatisfy(node -> assertThat(unclaimed(node, USERS)).isEmpty());

        releaseAll(onFirst, new int[] {orphan}, RECENT_RELEASE);
        releaseAll(onSecond, new int[] {orphan}, RECENT_RELEASE);
        try {
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(nodes)
                            .allSatisfy(
                                    node -> assertThat(unclaimed(node, USERS)).containsExactly(orphan)));
            assertThat(meters.get("studybuddy.event.processor.unclaimed.segments")
                            .tag("processor", USERS)
                            .gauge()
                            .value())
                    .isEqualTo(1.0);
        } finally {
            releaseAll(onFirst, new int[] {orphan}, Duration.ofSeconds(-1));
            releaseAll(onSecond, new int[] {orphan}, Duration.ofSeconds(-1));
        }
        awaitSplit(USERS, second);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(nodes)
                        .allSatisfy(node -> assertThat(unclaimed(node, USERS)).isEmpty()));
    }

    private static List<Integer> unclaimed(ApiClient node, String processor) {
        ApiClient.Response status = node.get("/api/admin/projections");
        assertThat(status.status()).as(status.toString()).isEqualTo(200);
        List<Integer> unclaimed = new ArrayList<>();
        for (JsonNode item : status.json().get("items")) {
            if (item.get("name").asText().equals(processor)) {
                item.get("unclaimedSegments").forEach(segment -> unclaimed.add(segment.asInt()));
            }
        }
        return unclaimed;
    }

    /** Keeps the processor from claiming the segments for a while (a duration in the past lifts it). */
    private static void releaseAll(PooledStreamingEventProcessor processor, int[] segmentIds, Duration duration) {
        for (int segment : segmentIds) {
            processor.releaseSegment(segment, duration.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * The gate lets each segment's first replayed batch through: a segment with no more user events than that
     * finishes its replay at once (run alone, this class stores none but these), and the test would never see every
     * segment replaying.
     */
    private void moreThanABatchOfUserEventsInEverySegment() {
        int[] segmentIds = processing.tokenStore(USERS).fetchSegments(USERS);
        for (Segment segment : Segment.computeSegments(segmentIds)) {
            UUID user = Stream.generate(UUID::randomUUID)
                    .filter(id -> segment.matches(id.toString()))
                    .findFirst()
                    .orElseThrow();
            accounts.register(user, UserAccounts.uniqueUsername("balanced"), "Balanced");
            ConsistencyToken last = null;
            for (int change = 0; change <= ReplayGate.PROCESSOR_BATCH_SIZE; change++) {
                last = accounts.changeProfile(user, "Balanced", "bio " + change);
            }
            accounts.awaitProjected(USERS, last);
        }
    }

    /** The second node, started once, with a replay gate of its own and a replay poll that never comes in a test. */
    private EventProcessingConfiguration secondNode() {
        if (secondNode == null) {
            secondNode = SecondNode.start(
                    environment,
                    processing,
                    "balancing-second-node",
                    List.of(ReplayGate.class),
                    "studybuddy.projections.replay-poll-interval=10m");
        }
        return secondNode.context().getBean(EventProcessingConfiguration.class);
    }

    private void awaitSplit(String name, EventProcessingConfiguration second) {
        PooledStreamingEventProcessor onFirst = pooled(processing, name);
        PooledStreamingEventProcessor onSecond = pooled(second, name);
        int total = processing.tokenStore(name).fetchSegments(name).length;
        int share = (total + 1) / 2;
        await().atMost(Duration.ofSeconds(90))
                .alias(name + " split between the nodes")
                .until(() -> {
                    Set<Integer> first = onFirst.processingStatus().keySet();
                    Set<Integer> other = onSecond.processingStatus().keySet();
                    Set<Integer> together = new HashSet<>(first);
                    together.addAll(other);
                    return first.size() <= share
                            && other.size() <= share
                            && !first.isEmpty()
                            && !other.isEmpty()
                            && together.size() == total
                            && first.size() + other.size() == total;
                });
    }

    private static boolean replayingAll(PooledStreamingEventProcessor processor, int segments) {
        Map<Integer, EventTrackerStatus> held = processor.processingStatus();
        return held.size() == segments
                && held.values().stream().allMatch(status -> status.isReplaying() && !status.isCaughtUp());
    }

    /** Group messages the node's chat processor has handled. */
    private static double postedHandled(MeterRegistry registry) {
        return HandledEvents.count(registry, ChatProjection.PROCESSING_GROUP, GroupMessagePostedEvent.class);
    }

    private static PooledStreamingEventProcessor pooled(EventProcessingConfiguration processing, String name) {
        return processing
                .eventProcessor(name, PooledStreamingEventProcessor.class)
                .orElseThrow();
    }
}
