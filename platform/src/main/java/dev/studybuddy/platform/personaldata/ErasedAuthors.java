package dev.studybuddy.platform.personaldata;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Takes away again the texts a processor's batch stored of an author erased while it ran (docs/adr/0019, "A batch
 * that read a text before the erasure"). A node reads a sealed text with its author's key for as long as its cache
 * holds the key, which is until it hears of the erasure, and a processor's segments run apart: the segment that
 * handles the {@code UserErasedEvent} may take the author's texts away before another segment, on this node or
 * another, stores one that it read with the key a moment before. The key's tombstone is stored before the erasure's
 * event, so a batch that looks for tombstones once its texts can be seen either finds the author's and takes the texts
 * away itself, or its texts could be seen before the erasure's handler looked for them. At most one query per batch
 * that stored someone's text, none for other batches, and none about an author the store found alive a moment ago
 * ({@link PersonalDataKeys#erasedAmong}: an erasure outlasts that moment before its event is recorded).
 */
public class ErasedAuthors {

    private static final String STORING = ErasedAuthors.class.getName() + ".storing";
    private static final String FOUND_ERASED = ErasedAuthors.class.getName() + ".foundErased";

    private final PersonalDataKeys keys;

    public ErasedAuthors(PersonalDataKeys keys) {
        this.keys = keys;
    }

    /** Where a projection stores texts that personal data keys sealed. */
    public interface Texts {

        /**
         * Made within the batch before the tombstones are read: the writes the store still keeps for the batch, and
         * whatever makes the batch's texts and the erasure's taking them away wait for each other (a lock), where the
         * store needs it.
         */
        default void beforeLooking() {}

        /** Takes away every text of the erased author that the store holds. */
        void takeAway(UUID author);
    }

    /**
     * The current batch stores a text of {@code author}'s in {@code texts}: just before the batch commits, after its
     * writes, {@code texts} takes away those of each such author erased by then. Outside a batch the author is looked
     * up at once, so there it is to be called after the write.
     */
    public void storing(Texts texts, UUID author) {
        if (!CurrentUnitOfWork.isStarted()) {
            takeAwayErased(Map.of(texts, Set.of(author)));
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        Map<Texts, Set<UUID>> storing = batch.getResource(STORING);
        if (storing == null) {
            Map<Texts, Set<UUID>> authors = new LinkedHashMap<>();
            batch.resources().put(STORING, authors);
            batch.onPrepareCommit(committing -> batch.resources().put(FOUND_ERASED, takeAwayErased(authors)));
            storing = authors;
        }
        storing.computeIfAbsent(texts, store -> new LinkedHashSet<>()).add(author);
    }

    /**
     * Whether the current batch, as it committed, found {@code author} erased and took their texts away: what the
     * batch announces after its commit, from what it wrote, must leave them out too.
     */
    public boolean foundErasedInThisBatch(UUID author) {
        if (!CurrentUnitOfWork.isStarted()) {
            return false;
        }
        Set<UUID> found = CurrentUnitOfWork.get().root().getResource(FOUND_ERASED);
        return found != null && found.contains(author);
    }

    /** @return the authors found erased */
    private Set<UUID> takeAwayErased(Map<Texts, Set<UUID>> storing) {
        Set<UUID> found = new HashSet<>();
        storing.forEach((texts, authors) -> {
            texts.beforeLooking();
            keys.erasedAmong(authors).forEach(author -> {
                texts.takeAway(author);
                found.add(author);
            });
        });
        return found;
    }
}
