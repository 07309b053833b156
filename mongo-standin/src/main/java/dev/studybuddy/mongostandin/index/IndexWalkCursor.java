package dev.studybuddy.mongostandin.index;

import de.bwaldvogel.mongo.backend.AbstractCursor;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The rest of an index walk, read on at each {@code getMore} (under the collection's lock, as every read of it is),
 * instead of every remaining document collected up front: a tracking poll that reads one batch and closes its
 * cursor costs one batch, however much of the collection lies after its position.
 */
final class IndexWalkCursor extends AbstractCursor {

    private final Iterator<Document> remaining;
    private final Object lock;

    IndexWalkCursor(long id, Iterator<Document> remaining, Object lock) {
        super(id);
        this.remaining = remaining;
        this.lock = lock;
    }

    @Override
    public boolean isEmpty() {
        synchronized (lock) {
            return !remaining.hasNext();
        }
    }

    @Override
    public List<Document> takeDocuments(int numberToReturn) {
        synchronized (lock) {
            List<Document> documents = new ArrayList<>();
            while ((numberToReturn <= 0 || documents.size() < numberToReturn) && remaining.hasNext()) {
                documents.add(remaining.next());
            }
            return documents;
        }
    }
}
