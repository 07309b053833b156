package dev.studybuddy.platform.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoTrackingToken;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;

/**
 * {@code studybuddy_event_processor_lag_seconds{processor=…}}: how far, in event time, this node's
 * segments of a streaming processor trail the newest event in the store. It is the newest stored
 * event's timestamp minus the timestamp of the last event the furthest-behind segment held here has
 * reached (its Mongo tracking token), so it is 0 for a processor that has caught up, however long ago
 * the last event was written, grows while events arrive faster than the processor handles them or
 * while a segment is stuck on a failing event, and during a replay shows how much history is left.
 * <p>
 * Per node: it reads {@link StreamingEventProcessor#processingStatus()}, which covers only the
 * segments this node has claimed; a node that holds none of a processor's segments reports NaN (the
 * others report it). A segment without a token yet counts from the oldest stored event.
 */
class EventProcessorLag implements ApplicationListener<ApplicationStartedEvent> {

    static final String NAME = "studybuddy.event.processor.lag";
    /** One scrape reads every processor's gauge within milliseconds: one look at the store's head serves them all. */
    private static final Duration HEAD_REUSE = Duration.ofSeconds(1);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final MeterRegistry registry;
    private volatile Head head;

    EventProcessorLag(EventProcessingConfiguration processing, EventStore eventStore, MeterRegistry registry) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.registry = registry;
    }

    /** After start, when Axon has built every processor. */
    @Override
    public void onApplicationEvent(ApplicationStartedEvent started) {
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                Gauge.builder(NAME, streaming, this::lagSeconds)
                        .description("Newest stored event's time minus the time of the last event this node's "
                                + "furthest-behind segment of the processor reached; NaN without segments here")
                        .baseUnit("seconds")
                        .tag("processor", name)
                        .register(registry);
            }
        });
    }

    double lagSeconds(StreamingEventProcessor processor) {
        Collection<EventTrackerStatus> segments = processor.processingStatus().values();
        if (segments.isEmpty()) {
            return Double.NaN;
        }
        Instant newest = timestamp(headToken());
        if (newest == null) {
            return 0;
        }
        Instant behind = null;
        for (EventTrackerStatus segment : segments) {
            TrackingToken token = WrappedToken.unwrapLowerBound(segment.getTrackingToken());
            Instant reached = token == null ? timestamp(eventStore.createTailToken()) : timestamp(token);
            if (reached == null) {
                return Double.NaN;
            }
            if (behind == null || reached.isBefore(behind)) {
                behind = reached;
            }
        }
        return Math.max(0, Duration.between(behind, newest).toNanos() / 1e9);
    }

    private TrackingToken headToken() {
        Head current = head;
        long now = System.nanoTime();
        if (current == null || now - current.readAtNanos() > HEAD_REUSE.toNanos()) {
            current = new Head(eventStore.createHeadToken(), now);
            head = current;
        }
        return current.token();
    }

    /** The time of the last event a token has reached; null for an empty store or a token of another store. */
    private static Instant timestamp(TrackingToken token) {
        return token instanceof MongoTrackingToken mongo ? mongo.getTimestamp() : null;
    }

    private record Head(TrackingToken token, long readAtNanos) {}
}
