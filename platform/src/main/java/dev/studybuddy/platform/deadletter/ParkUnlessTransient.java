package dev.studybuddy.platform.deadletter;

import com.mongodb.MongoException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Parks an event that no retry will cure (a poison), but not one that failed because a store was down or slow: that
 * failure is thrown on, so the processor's batch fails and is retried with back-off once the store answers again.
 * Parking it instead would take every event of an outage out of the views (the chat views live in MongoDB, the dead
 * letters in PostgreSQL, so a MongoDB outage could otherwise be parked event by event).
 */
public final class ParkUnlessTransient implements EnqueuePolicy<EventMessage<?>> {

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        requireParkable(cause);
        return Decisions.enqueue(ThrowableCause.truncated(cause));
    }

    /**
     * Throws, to fail the batch for a retry, a failure that is not its event's to be parked for: one without a
     * savepoint, one of another event's work, a store that did not answer, or an {@code Error} of the JVM or of the
     * code deployed. The sagas' parking asks the same.
     */
    static void requireParkable(Throwable cause) {
        if (cause instanceof Savepoints.RetryWithSavepoints retry) {
            throw retry; // not this event's fault yet: the batch is retried with savepoints, and it is judged then
        }
        if (cause instanceof NotThisEventsFailure notThisEvents) {
            throw notThisEvents;
        }
        if (cause instanceof SavepointPerEventHandler.HandlerThrewAnError error && !error.blamesTheEvent()) {
            throw error; // the JVM's or the deployment's: parking would take every event alike out of the views
        }
        if (isTransient(cause)) {
            throw new StoreUnavailableException(cause);
        }
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof MongoSocketException
                    || cause instanceof MongoTimeoutException
                    || cause instanceof MongoNotPrimaryException
                    || cause instanceof MongoNodeIsRecoveringException
                    || cause instanceof MongoException mongo
                            && (mongo.hasErrorLabel(MongoException.TRANSIENT_TRANSACTION_ERROR_LABEL)
                                    || mongo.hasErrorLabel("RetryableWriteError"))
                    || cause instanceof TransientDataAccessException
                    || cause instanceof RecoverableDataAccessException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientException
                    || cause instanceof SQLRecoverableException) {
                return true;
            }
        }
        return false;
    }

    /**
     * A handler failed at work that was not its event's: writes of earlier events of the batch that it made first
     * ({@code BatchedWrites}, say). Parking its event would park the wrong one and leave the culprit unjudged; the batch
     * fails and is retried, nothing is parked.
     */
    public static class NotThisEventsFailure extends RuntimeException {
        public NotThisEventsFailure(String message, Throwable cause) {
            super(message + ": " + cause, cause);
        }
    }

    /** A handler failed because a store it needs did not answer; the batch is retried, nothing is parked. */
    public static class StoreUnavailableException extends RuntimeException {
        StoreUnavailableException(Throwable cause) {
            super("a store did not answer, the batch will be retried: " + cause.getMessage(), cause);
        }
    }
}
