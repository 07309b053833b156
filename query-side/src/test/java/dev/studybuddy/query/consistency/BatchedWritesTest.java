package dev.studybuddy.query.consistency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.studybuddy.platform.deadletter.ParkUnlessTransient;
import dev.studybuddy.testing.SettableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

/**
 * A batch's writes are merged by key and made once its last event has been handled, before what the unit of work
 * does when it commits (where Axon's work package stores the token); after a failed write, writes are made one by one.
 */
class BatchedWritesTest {

    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-04T06:00:00Z"));
    private final List<List<String>> written = new ArrayList<>();
    private final List<String> writtenAlone = new ArrayList<>();
    private final BatchedWrites<String, String> writes = new BatchedWrites<>(
            "test",
            all -> {
                if (all.contains("refused")) {
                    throw new IllegalStateException("the store refuses one of " + all);
                }
                written.add(List.copyOf(all));
            },
            one -> {
                if (one.equals("refused")) {
                    throw new IllegalStateException("the store refuses it");
                }
                writtenAlone.add(one);
            },
            (earlier, later) -> later,
            clock);

    @Test
    void aBatchsWritesAreMergedByKeyAndMadeAfterItsLastEventBeforeTheTokenIsStored() throws Exception {
        List<List<String>> writtenWhenTheTokenWasStored = new ArrayList<>();

        runBatch(
                Map.of(
                        "first", List.of("a:1", "b:1"),
                        "second", List.of("a:2"),
                        "third", List.of("c:1", "a:3")),
                batch -> batch.onPrepareCommit(committing -> writtenWhenTheTokenWasStored.addAll(written)),
                "first",
                "second",
                "third");

        assertThat(written).containsExactly(List.of("a:3", "b:1", "c:1"));
        assertThat(writtenWhenTheTokenWasStored).containsExactly(List.of("a:3", "b:1", "c:1"));
        assertThat(writtenAlone).isEmpty();
    }

    @Test
    void nothingIsWrittenBeforeTheLastEventUnlessTheBatchAsksForIt() throws Exception {
        List<Integer> writtenBeforeEachEvent = new ArrayList<>();
        runBatch(
                Map.of("first", List.of("a:1"), "second", List.of(), "third", List.of("flush", "b:1")),
                batch -> {},
                writtenBeforeEachEvent,
                "first",
                "second",
                "third");

        assertThat(writtenBeforeEachEvent).containsExactly(0, 0, 0);
        assertThat(written).containsExactly(List.of("a:1"), List.of("b:1"));
    }

    @Test
    void withoutAUnitOfWorkAWriteIsMadeAtOnce() {
        writes.add("a", "a:1");

        assertThat(writtenAlone).containsExactly("a:1");
        assertThat(written).isEmpty();
    }

    @Test
    void aWriteLeftOutsideABatchesLastEventIsMadeWhenItsUnitOfWorkCommits() {
        DefaultUnitOfWork.startAndGet(null).execute(() -> {
            writes.add("a", "a:1");
            assertThat(written).isEmpty();
        });

        assertThat(written).containsExactly(List.of("a:1"));
    }

    @Test
    void afterAFailedWriteTheNextBatchesWriteInTheirHandlersUntilTheQuietTimeIsOver() {
        DefaultUnitOfWork<?> failing = DefaultUnitOfWork.startAndGet(null);
        writes.add("a", "a:1");
        writes.add("r", "refused");
        assertThatThrownBy(failing::commit).isInstanceOf(IllegalStateException.class);
        assertThat(written).isEmpty();

        DefaultUnitOfWork.startAndGet(null).execute(() -> {
            writes.add("a", "a:1");
            assertThat(writtenAlone).containsExactly("a:1");
            assertThatThrownBy(() -> writes.add("r", "refused")).isInstanceOf(IllegalStateException.class);
        });

        clock.advance(BatchedWrites.UNBATCHED_AFTER_FAILURE.plusSeconds(1));
        DefaultUnitOfWork.startAndGet(null).execute(() -> writes.add("b", "b:1"));
        assertThat(written).containsExactly(List.of("b:1"));
        assertThat(writtenAlone).containsExactly("a:1");
    }

    /**
     * After an outage the processor retries a failed segment only every minute; the retry must still find writes made
     * alone, or the refused write fails its batch at commit again, never in a handler that could park its event.
     */
    @Test
    void aRetryAfterTheProcessorsLongestWaitStillWritesAlone() {
        DefaultUnitOfWork<?> failing = DefaultUnitOfWork.startAndGet(null);
        writes.add("r", "refused");
        assertThatThrownBy(failing::commit).isInstanceOf(IllegalStateException.class);

        clock.advance(BatchedWrites.LONGEST_RETRY_WAIT.plusSeconds(5));
        DefaultUnitOfWork.startAndGet(null).execute(() -> {
            assertThatThrownBy(() -> writes.add("r", "refused")).isInstanceOf(IllegalStateException.class);
            writes.add("a", "a:1");
        });
        assertThat(writtenAlone).containsExactly("a:1");
        assertThat(written).isEmpty();
    }

    /**
     * A handler that reads what the batch wrote asks for its pending writes first; one of an earlier event refused
     * there must not park the asking handler's event (the dead-letter policy passes this failure on, for the batch's
     * retry, where each write is made in its own event's handler).
     */
    @Test
    void anEarlierEventsWriteRefusedAtAHandlersFlushIsNotThatHandlersFailure() {
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        writes.add("r", "refused");

        assertThatThrownBy(writes::flush)
                .isInstanceOf(ParkUnlessTransient.NotThisEventsFailure.class)
                .hasCauseInstanceOf(IllegalStateException.class);
        batch.rollback();

        DefaultUnitOfWork.startAndGet(null).execute(() -> writes.add("a", "a:1"));
        assertThat(writtenAlone).containsExactly("a:1");
    }

    private void runBatch(
            Map<String, List<String>> writesOfEvent, Consumer<BatchingUnitOfWork<?>> beforeHandling, String... events)
            throws Exception {
        runBatch(writesOfEvent, beforeHandling, new ArrayList<>(), events);
    }

    /** As Axon's work package runs a batch: one unit of work for its events, each through the interceptors. */
    private void runBatch(
            Map<String, List<String>> writesOfEvent,
            Consumer<BatchingUnitOfWork<?>> beforeHandling,
            List<Integer> writtenBeforeEachEvent,
            String... events)
            throws Exception {
        List<EventMessage<?>> messages = new ArrayList<>();
        for (String event : events) {
            messages.add(GenericEventMessage.asEventMessage(event));
        }
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(messages);
        beforeHandling.accept(batch);
        MessageHandler<EventMessage<?>> handler = message -> {
            writtenBeforeEachEvent.add(written.size());
            for (String write : writesOfEvent.get((String) message.getPayload())) {
                if (write.equals("flush")) {
                    writes.flush();
                } else {
                    writes.add(write.substring(0, write.indexOf(':')), write);
                }
            }
            return null;
        };
        batch.executeWithResult(() -> new DefaultInterceptorChain<>(
                        batch,
                        List.<MessageHandlerInterceptor<? super EventMessage<?>>>of(new WritesAtBatchEnd()),
                        handler)
                .proceed());
        assertThat(batch.getExecutionResult().isExceptionResult()).isFalse();
    }
}
