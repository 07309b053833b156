package dev.studybuddy.platform.personaldata;

import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Texts a processor keeps in PostgreSQL, as {@link ErasedAuthors} and the erasure's handler take them away. A batch's
 * rows can be seen only once its transaction commits, so the erasure's handler on another segment or node would not
 * find rows written but not yet committed, nor would the batch find a tombstone stored after it looked. So a batch
 * looks for erased authors under an advisory lock taken shared, which the erasure's handler takes alone before it
 * takes the texts away: either the batch looks after the erasure committed, and finds the tombstone (stored before
 * the erasure's event), or the erasure takes the texts away after the batch committed, and finds its rows. Both
 * locks last until their transaction ends. The erasure takes its lock before it changes any row; so does a batch that
 * changes rows the erasure changes too (an edit, a deletion: {@link #beforeChanging}), else it would hold such a row
 * while it waited for the shared lock, and the erasure the lock while it waited for the row (a deadlock PostgreSQL
 * broke by failing one). A batch that only adds rows takes the shared lock just before it commits: the erasure never
 * waits for a row not yet committed.
 */
public class LockedTexts implements ErasedAuthors.Texts {

    /** The first half of every such lock's two-part key: their own space, apart from any other advisory lock. */
    private static final int LOCK_SPACE = 0x5B_E019;

    private final JdbcTemplate jdbc;
    private final int lock;
    private final Runnable flush;
    private final Consumer<UUID> takeAway;

    /**
     * @param name     what the texts are (a table), the lock's own
     * @param flush    writes what the batch still keeps of its rows, if it keeps any for later
     * @param takeAway takes away every text of an erased author's
     */
    public LockedTexts(JdbcTemplate jdbc, String name, Runnable flush, Consumer<UUID> takeAway) {
        this.jdbc = jdbc;
        this.lock = name.hashCode();
        this.flush = flush;
        this.takeAway = takeAway;
    }

    /**
     * Before a batch changes (updates, deletes) rows that an erasure's taking away changes too: the shared lock
     * first, in the erasure's order. Taken at each call rather than once per batch: a statement per edit or deletion,
     * not per message.
     */
    public void beforeChanging() {
        lockShared();
    }

    @Override
    public void beforeLooking() {
        flush.run();
        lockShared();
    }

    private void lockShared() {
        jdbc.queryForList("SELECT pg_advisory_xact_lock_shared(?, ?)", LOCK_SPACE, lock);
    }

    @Override
    public void takeAway(UUID author) {
        takeAway.accept(author);
    }

    /** The erasure's own taking away: after the batches that looked before it committed, before any that look later. */
    public void takeAwayForErasure(UUID author) {
        flush.run();
        jdbc.queryForList("SELECT pg_advisory_xact_lock(?, ?)", LOCK_SPACE, lock);
        takeAway.accept(author);
    }
}
