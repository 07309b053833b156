package dev.studybuddy.platform.deadline;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.exceptions.ExecutionException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Axon's db-scheduler deadline manager, except that cancelling a deadline that is running right now, or is gone, is
 * not a failure. db-scheduler refuses both, and Axon cancels at the unit of work's prepare-commit, outside any handler,
 * so the refusal failed the whole batch: a saga's event that met its own deadline running on another node (a session
 * moved or cancelled as its reminder fired) was retried until that deadline ended, for as long as db-scheduler takes
 * to declare a dead node's deadline dead. The running deadline waits for the saga's row (the saga store locks it), so
 * it meets the saga as this batch left it, and each deadline handler checks that it is still the saga's.
 * <p>
 * db-scheduler reads the deadline, then deletes the version it read; a node that picks the deadline in between (or a
 * deadline that ends or is rescheduled there) leaves nothing of that version to delete, which db-scheduler reports as
 * a failure too. The cancel then reads the deadline again: running or gone by now, or waiting under its new version
 * (which the next read sees because the processors' transactions are READ COMMITTED, PostgreSQL's default).
 */
class CancelWhatIsStillWaiting extends DbSchedulerDeadlineManager {

    private static final Logger log = LoggerFactory.getLogger(CancelWhatIsStillWaiting.class);

    /** Reads of a deadline that changes under each of them; more than one change in a moment is not a race. */
    private static final int ATTEMPTS = 3;

    private final Scheduler scheduler;

    CancelWhatIsStillWaiting(Builder builder, Scheduler scheduler) {
        super(builder);
        this.scheduler = scheduler;
    }

    @Override
    public void cancelSchedule(String deadlineName, String scheduleId) {
        runOnPrepareCommitOrNow(() -> cancel(deadlineName, scheduleId));
    }

    private void cancel(String deadlineName, String scheduleId) {
        for (int attempt = 1; ; attempt++) {
            try {
                scheduler.cancel(new DbSchedulerDeadlineToken(scheduleId));
                return;
            } catch (TaskInstanceCurrentlyExecutingException | TaskInstanceNotFoundException e) {
                log.info("Deadline {} ({}) is running or gone; nothing to cancel", scheduleId, deadlineName);
                return;
            } catch (ExecutionException changedWhileCancelled) {
                if (attempt == ATTEMPTS) {
                    throw changedWhileCancelled;
                }
                log.info("Deadline {} ({}) changed while it was cancelled; reading it again", scheduleId, deadlineName);
            }
        }
    }
}
