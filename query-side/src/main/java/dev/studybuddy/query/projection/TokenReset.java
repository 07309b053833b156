package dev.studybuddy.query.projection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the node that won a replay request's reset does with the processor ({@link ReplayCoordinator} keeps the row and
 * the other nodes in step): resets its tokens, retrying while other nodes still hold segments, then starts it holding
 * every segment, before the other nodes may start theirs.
 */
@Component
class TokenReset {

    private static final Logger log = LoggerFactory.getLogger(TokenReset.class);
    private static final Duration CLAIM_CHECK_INTERVAL = Duration.ofMillis(10);

    private final EventProcessingConfiguration processing;
    private final ProjectionProperties properties;
    private final Clock clock = Clock.systemUTC();

    TokenReset(EventProcessingConfiguration processing, ProjectionProperties properties) {
        this.processing = processing;
        this.properties = properties;
    }

    /**
     * Resets the stopped processor's tokens (the {@code @ResetHandler}s clear the read model), trying again every
     * {@code reset-retry-interval} while other nodes still hold segments, for at most {@code replay-timeout}; empty once
     * reset, else why it gave up.
     */
    Optional<String> reset(String name, long generation, StreamingEventProcessor processor) {
        Instant giveUp = clock.instant().plus(properties.replayTimeout());
        while (true) {
            try {
                long resetting = System.nanoTime();
                processor.resetTokens();
                log.info(
                        "Replay {} of {}: tokens reset by this node in {} ms",
                        generation,
                        name,
                        (System.nanoTime() - resetting) / 1_000_000);
                return Optional.empty();
            } catch (UnableToClaimTokenException e) {
                if (clock.instant().isAfter(giveUp)) {
                    return Optional.of("Other nodes kept their segments: " + e.getMessage());
                }
                sleep(properties.resetRetryInterval());
            } catch (RuntimeException e) {
                log.error("Replay {} of {} failed", generation, name, e);
                return Optional.of(e.toString());
            }
        }
    }

    /**
     * Starts the processor whose tokens this node reset and waits (at most {@code segment-claim-wait}) until it holds
     * every segment: the other nodes start theirs when the row says {@code DONE}, and one of them that had no release
     * pending could otherwise win a segment in its first claim round and replay it beside this node. Past the bound
     * the replay goes on anyway, shared.
     */
    void startHoldingEverySegment(String name, long generation, StreamingEventProcessor processor) {
        int[] segments = processing.tokenStore(name).fetchSegments(name);
        claimAllAgain(processor, segments);
        processor.start();
        Instant giveUp = clock.instant().plus(properties.segmentClaimWait());
        while (processor.processingStatus().size() < segments.length) {
            if (clock.instant().isAfter(giveUp)) {
                log.warn(
                        "Replay {} of {}: this node holds {} of {} segments after {}; the other nodes start now",
                        generation,
                        name,
                        processor.processingStatus().size(),
                        segments.length,
                        properties.segmentClaimWait());
                return;
            }
            sleep(CLAIM_CHECK_INTERVAL);
        }
    }

    /**
     * Lifts this node's own releases of the processor's segments ({@link SegmentBalancer}'s, which keep a segment it
     * handed to another node from being claimed back for {@code release-for}), so that the node that reset the tokens
     * claims every segment when it starts, even one it had handed over just before the request. A release that ended a
     * second ago takes the place of each (Axon's coordinator drops it at its first claim; one ending now would still
     * hold at that first claim, and the next comes a claim interval later). Called while the processor is stopped, so
     * no segment of this node's is let go by it.
     */
    private static void claimAllAgain(StreamingEventProcessor processor, int[] segments) {
        for (int segment : segments) {
            processor.releaseSegment(segment, -1, TimeUnit.SECONDS);
        }
    }

    private static void sleep(Duration interval) {
        try {
            Thread.sleep(interval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while resetting a processor's tokens", e);
        }
    }
}
