package dev.studybuddy.platform.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.ErrorContext;
import org.axonframework.eventhandling.ErrorHandler;

/**
 * Every processor's handler of a failed batch (a failure its dead letters did not take: a store that did not answer,
 * a failure at the commit, a handler's first failure while savepoints are off): counts it,
 * {@code studybuddy_processor_batches_failed_total{processor}}, and fails the
 * batch, which the processor retries with back-off, as Axon's {@code PropagatingErrorHandler} does; but never with an
 * {@link Error}. Axon's pooled work package catches {@link Exception}, not {@code Error}: a batch that met one (an
 * {@code AssertionError} of a driver, a {@code LinkageError} of a missing class, an {@code OutOfMemoryError}) left its
 * work package marked busy for good, so that its segment was never handled again and the coordinator stopped reading
 * for the whole processor once that segment's buffer was full, with nothing logged and no error in the processor's
 * status. As an exception it aborts the work package like any failed batch: logged, the segment marked in error, the
 * batch retried. An {@code Error} thrown by an event handler itself is its event's failure, parked like any other
 * before it gets here ({@code SavepointPerEventHandler}).
 */
public final class FailedBatches implements ErrorHandler {

    private final MeterRegistry registry;

    public FailedBatches(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The processor's counter, at 0 until a batch fails, so that a rate and an alert on it have a series to read. */
    public static Counter of(String processor, MeterRegistry registry) {
        return Counter.builder("studybuddy.processor.batches.failed")
                .description("Batches of events a processor failed to handle and retries")
                .tag("processor", processor)
                .register(registry);
    }

    @Override
    public void handleError(ErrorContext errorContext) throws Exception {
        of(errorContext.eventProcessor(), registry).increment();
        Throwable failure = errorContext.error();
        if (failure instanceof Exception exception) {
            throw exception;
        }
        throw new BatchFailedWithAnError(errorContext.eventProcessor(), failure);
    }

    /** A processor's batch met an {@link Error}; the batch is retried. */
    public static final class BatchFailedWithAnError extends Exception {
        BatchFailedWithAnError(String processor, Throwable error) {
            super("a batch of processor " + processor + " failed with an error and will be retried: " + error, error);
        }
    }
}
