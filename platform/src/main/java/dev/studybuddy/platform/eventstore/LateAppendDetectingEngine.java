package dev.studybuddy.platform.eventstore;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures how long after its timestamp each appended event was stored, and reports the events stored later than the
 * look-back window. A tracking processor reads from its token's time minus the look-back window, leaving out the
 * events it has seen: an event is stored for good once its append returns, and every event stored before it has a
 * timestamp no later than that moment, so an event stored within the window of its own timestamp is found by every
 * processor. One stored later (a command held up between creating its events and storing them: a pause of its JVM, a
 * store that stalls) may be missed by a processor that has already read past the window — by every projection and
 * saga, with nothing to say so. Here it is said: a warning with the events, and the counter
 * {@code studybuddy.eventstore.appends.late} (the growth benchmark reads it as {@code pipeline.appendsLate}).
 * {@code studybuddy.eventstore.append.age} times every append from its oldest event's timestamp.
 */
public class LateAppendDetectingEngine extends DelegatingEventStorageEngine {

    private static final Logger log = LoggerFactory.getLogger(LateAppendDetectingEngine.class);
    private static final int LISTED = 10;

    private final Duration lookBack;
    private final Clock clock;
    private final Timer age;
    private final Counter late;

    public LateAppendDetectingEngine(
            EventStorageEngine delegate, Duration lookBack, MeterRegistry registry, Clock clock) {
        super(delegate);
        this.lookBack = lookBack;
        this.clock = clock;
        this.age = Timer.builder("studybuddy.eventstore.append.age")
                .description("How long after the oldest event's timestamp an append was stored")
                .register(registry);
        this.late = Counter.builder("studybuddy.eventstore.appends.late")
                .description("Events stored later after their timestamp than the tracking look-back window: a"
                        + " processor that had read past them may never see them")
                .register(registry);
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        delegate.appendEvents(events);
        if (events.isEmpty()) {
            return;
        }
        Instant stored = clock.instant();
        Instant oldest = events.stream()
                .map(EventMessage::getTimestamp)
                .min(Instant::compareTo)
                .orElseThrow();
        age.record(Duration.between(oldest, stored));
        List<? extends EventMessage<?>> lateOnes = events.stream()
                .filter(event -> Duration.between(event.getTimestamp(), stored).compareTo(lookBack) > 0)
                .toList();
        if (!lateOnes.isEmpty()) {
            late.increment(lateOnes.size());
            log.warn(
                    "{} event(s) stored {} ms after their timestamp, later than the {} ms look-back window: a tracking"
                            + " processor that had already read past them will not see them (the first of them: {})",
                    lateOnes.size(),
                    Duration.between(oldest, stored).toMillis(),
                    lookBack.toMillis(),
                    lateOnes.stream()
                            .limit(LISTED)
                            .map(event -> event.getPayloadType().getSimpleName() + " " + event.getIdentifier() + " at "
                                    + event.getTimestamp())
                            .toList());
        }
    }
}
