package dev.studybuddy.platform.deadletter;

import java.util.HashSet;
import java.util.Set;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The sequences (aggregates) whose events a processor parked in the unit of work it is processing, as
 * recorded by the queues of {@link DeadLetterQueues}. Axon's dead-lettering invoker asks the queue about
 * every event before handling it and parks it if its sequence is parked already, or if a handler fails on
 * it; so after an event is through, "was it parked?" is answered here without asking the database again.
 */
public final class ParkedInUnitOfWork {

    private static final String RESOURCE = ParkedInUnitOfWork.class.getName();

    private ParkedInUnitOfWork() {}

    /** Whether an event of {@code sequenceIdentifier} was parked in {@code unitOfWork} (or its batch) so far. */
    public static boolean includes(UnitOfWork<?> unitOfWork, Object sequenceIdentifier) {
        Set<Object> parked = unitOfWork.root().getResource(RESOURCE);
        return parked != null && parked.contains(sequenceIdentifier);
    }

    /** Whether anything was parked in {@code unitOfWork} (or its batch) so far. */
    static boolean anyIn(UnitOfWork<?> unitOfWork) {
        Set<Object> parked = unitOfWork.root().getResource(RESOURCE);
        return parked != null && !parked.isEmpty();
    }

    /** Whether the current unit of work retries a parked event (an admin's retry): it then holds the letter. */
    static boolean retryingParkedEvent() {
        return CurrentUnitOfWork.isStarted()
                && CurrentUnitOfWork.get().resources().containsKey(DeadLetter.class.getName());
    }

    static void record(Object sequenceIdentifier) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get()
                    .root()
                    .<Set<Object>>getOrComputeResource(RESOURCE, key -> new HashSet<>())
                    .add(sequenceIdentifier);
        }
    }
}
