package dev.studybuddy.platform.messaging;

import java.util.List;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Retries a command only when it lost a race on its aggregate's stream (another node appended that
 * sequence first); a refusal stays a refusal. A decorator rather than Axon's non-transient predicate,
 * because that predicate is asked about every cause in the chain, including the store's own exception
 * beneath the {@link ConcurrencyException}.
 */
class RetryOnConcurrentAppend implements RetryScheduler {

    private final RetryScheduler backOff;

    RetryOnConcurrentAppend(RetryScheduler backOff) {
        this.backOff = backOff;
    }

    @Override
    public boolean scheduleRetry(
            CommandMessage commandMessage,
            RuntimeException lastFailure,
            List<Class<? extends Throwable>[]> failures,
            Runnable dispatchTask) {
        return causedByConcurrentAppend(lastFailure)
                && backOff.scheduleRetry(commandMessage, lastFailure, failures, dispatchTask);
    }

    static boolean causedByConcurrentAppend(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }
}
