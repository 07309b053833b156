package dev.studybuddy.platform.transaction;

import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * For a component that writes only inside its caller's transaction where that caller may be an event handler. Spring's
 * {@code @Transactional(propagation = MANDATORY)} would do the same check, but when the component throws it also marks
 * the whole transaction rollback-only, which the handler's savepoint cannot undo: the batch that was about to park the
 * event failed at commit instead, on every retry (a stalled processor, the dead letter rolled back with it).
 */
public final class CallersTransaction {

    private CallersTransaction() {}

    /** @throws IllegalTransactionStateException when there is no transaction to write in */
    public static void require() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalTransactionStateException("Writes only inside its caller's transaction; there is none.");
        }
    }
}
