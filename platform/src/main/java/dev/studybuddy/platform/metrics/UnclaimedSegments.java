package dev.studybuddy.platform.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Set;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;

/**
 * {@code studybuddy_event_processor_unclaimed_segments{processor=…}}: how many of a streaming processor's segments no
 * node holds, read from its token store, so every node reports the same number. The events of such a segment wait
 * until a node claims it: after a node stops, about its claim timeout and a look later; a count that stays above 0
 * means no node may take them. The lag gauge ({@link EventProcessorLag}) cannot tell, since each node sees only its own
 * segments.
 */
public class UnclaimedSegments implements ApplicationListener<ApplicationStartedEvent> {

    static final String NAME = "studybuddy.event.processor.unclaimed.segments";

    private final EventProcessingConfiguration processing;
    private final MeterRegistry registry;

    UnclaimedSegments(EventProcessingConfiguration processing, MeterRegistry registry) {
        this.processing = processing;
        this.registry = registry;
    }

    /**
     * The processor's segments that this node could claim (never claimed, released, or claimed by a node whose claim
     * has run out) and does not hold: the ones no node is working on.
     */
    public static List<Integer> of(EventProcessingConfiguration processing, StreamingEventProcessor processor) {
        Set<Integer> heldHere = processor.processingStatus().keySet();
        return processing.tokenStore(processor.getName()).fetchAvailableSegments(processor.getName()).stream()
                .map(Segment::getSegmentId)
                .filter(segment -> !heldHere.contains(segment))
                .sorted()
                .toList();
    }

    /** After start, when Axon has built every processor. */
    @Override
    public void onApplicationEvent(ApplicationStartedEvent started) {
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                Gauge.builder(NAME, streaming, this::count)
                        .description("Segments of the processor that no node holds (from its token store)")
                        .tag("processor", name)
                        .register(registry);
            }
        });
    }

    /** NaN while the token store cannot be read. */
    double count(StreamingEventProcessor processor) {
        try {
            return of(processing, processor).size();
        } catch (RuntimeException unreadable) {
            return Double.NaN;
        }
    }
}
