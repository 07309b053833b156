package dev.studybuddy.platform.deadletter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What administrators do with parked events: count them per processor, list them, retry them (every
 * sequence in order; one that fails again stays parked) and drop one that will never apply.
 */
public class DeadLetters {

    private final EventProcessingConfiguration processing;
    private final SagaDeadLetters sagas;
    private final JdbcTemplate jdbc;

    public DeadLetters(EventProcessingConfiguration processing, SagaDeadLetters sagas, JdbcTemplate jdbc) {
        this.processing = processing;
        this.sagas = sagas;
        this.jdbc = jdbc;
    }

    /** Letters per processing group, read in one query (also for the metrics gauge). */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query("SELECT processing_group, count(*) FROM dead_letter_entry GROUP BY processing_group", row -> {
            counts.put(row.getString(1), row.getLong(2));
        });
        return counts;
    }

    public long count(String processingGroup) {
        return counts().getOrDefault(processingGroup, 0L);
    }

    /** Whether the processor parks events at all (it has a queue). */
    public boolean parks(String processingGroup) {
        return processing.deadLetterQueue(processingGroup).isPresent();
    }

    /** The group's letters, sequence by sequence, each in order; empty when it has no queue. */
    public Optional<List<ParkedEvent>> list(String processingGroup) {
        return processing.deadLetterQueue(processingGroup).map(queue -> {
            List<ParkedEvent> letters = new ArrayList<>();
            queue.deadLetters().forEach(sequence -> sequence.forEach(letter -> letters.add(view(letter))));
            return letters;
        });
    }

    /**
     * Handles every parked sequence again, each from its first letter; a sequence whose event fails again
     * stays parked with the new cause. Empty when the group has no queue.
     */
    public Optional<Retried> retry(String processingGroup) {
        Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue = processing.deadLetterQueue(processingGroup);
        Optional<SequencedDeadLetterProcessor<EventMessage<?>>> processor =
                processing.sequencedDeadLetterProcessor(processingGroup).or(() -> sagas.retry(processingGroup));
        if (queue.isEmpty() || processor.isEmpty()) {
            return Optional.empty();
        }
        long sequences = queue.get().amountOfSequences();
        int succeeded = 0;
        for (long attempt = 0; attempt < sequences; attempt++) {
            if (processor.get().processAny()) {
                succeeded++;
            }
        }
        return Optional.of(new Retried(sequences, succeeded, queue.get().size()));
    }

    /** Drops the letter of this event; false when no such letter is parked (or the group has no queue). */
    public boolean drop(String processingGroup, String eventId) {
        return processing
                .deadLetterQueue(processingGroup)
                .map(queue -> {
                    for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
                        for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                            if (letter.message().getIdentifier().equals(eventId)) {
                                queue.evict(letter);
                                return true;
                            }
                        }
                    }
                    return false;
                })
                .orElse(false);
    }

    private static ParkedEvent view(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> event = letter.message();
        DomainEventMessage<?> domain = event instanceof DomainEventMessage<?> d ? d : null;
        Optional<Cause> cause = letter.cause();
        return new ParkedEvent(
                SagaDeadLetters.sequenceOf(event).toString(),
                event.getIdentifier(),
                event.getPayloadType().getName(),
                domain == null ? null : domain.getType(),
                domain == null ? null : domain.getSequenceNumber(),
                event.getTimestamp(),
                cause.map(Cause::type).orElse(null),
                cause.map(Cause::message).orElse(null),
                letter.enqueuedAt(),
                letter.lastTouched());
    }

    /**
     * @param sequences   the sequences parked when the retry began
     * @param succeeded   those handled to their end and released
     * @param stillParked letters left afterwards
     */
    public record Retried(long sequences, int succeeded, long stillParked) {}
}
