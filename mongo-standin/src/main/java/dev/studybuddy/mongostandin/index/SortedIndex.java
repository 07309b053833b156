package dev.studybuddy.mongostandin.index;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.DuplicateKeyError;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A B-tree-like index (a sorted map) over one or more fields, unique or not, that the query planner of this
 * module walks in order ({@link IndexWalk}): mongo-java-server ignores non-unique indexes and uses unique ones for
 * equality only. Kept in memory; on the H2 backend it is rebuilt from the stored documents when a database opens.
 */
public final class SortedIndex<P> extends Index<P> {

    /** Stands for a document not stored yet: no entry is its own. */
    private static final Object NEW_DOCUMENT = new Object();

    private final boolean unique;
    private final ConcurrentSkipListMap<IndexEntry, P> entries;
    /** Set once a document had zero or several keys (an array): such an index cannot give a sort or a full walk. */
    private volatile boolean multiKey;

    /** Each field's path, split at its dots once. */
    private final String[][] paths;

    public SortedIndex(String name, List<IndexKey> keys, boolean sparse, boolean unique) {
        super(name, keys, sparse);
        this.unique = unique;
        this.entries = new ConcurrentSkipListMap<>(IndexEntry.comparator(keys));
        this.paths = keys.stream().map(key -> key.getKey().split("\\.")).toArray(String[][]::new);
    }

    /**
     * A document's key, read by walking each field's path through its subdocuments, where no array is on the way;
     * mongo-java-server's own way, which documents with arrays take, splits every field's path with a regular
     * expression for every document, and was a fifth of the stand-in's work while a replay upserted views.
     */
    @Override
    public Set<KeyValue> getKeyValues(Document document) {
        Object[] values = new Object[paths.length];
        for (int i = 0; i < values.length; i++) {
            Object value = document;
            for (String field : paths[i]) {
                value = value instanceof Document subdocument ? subdocument.getOrMissing(field) : Missing.getInstance();
                if (value instanceof Collection) {
                    return super.getKeyValues(document);
                }
            }
            values[i] = value;
        }
        return Set.of(new KeyValue(values).normalized());
    }

    @Override
    public boolean isUnique() {
        return unique;
    }

    public boolean isSparseIndex() {
        return isSparse();
    }

    public boolean isMultiKey() {
        return multiKey;
    }

    /** The entries from {@code from} to {@code to} (both inclusive), in index order or reversed. */
    NavigableMap<IndexEntry, P> range(IndexEntry from, IndexEntry to, boolean reversed) {
        if (entries.comparator().compare(from, to) > 0) {
            return java.util.Collections.emptyNavigableMap();
        }
        NavigableMap<IndexEntry, P> range = entries.subMap(from, true, to, true);
        return reversed ? range.descendingMap() : range;
    }

    NavigableMap<IndexEntry, P> all(boolean reversed) {
        return reversed ? entries.descendingMap() : entries;
    }

    @Override
    public P getPosition(Document document) {
        for (IndexEntry entry : entriesOf(document)) {
            P position = entries.get(entry);
            if (position != null) {
                return position;
            }
        }
        return null;
    }

    @Override
    public synchronized void checkAdd(Document document, MongoCollection<P> collection) {
        requireUnique(entriesOf(document), document, collection);
    }

    @Override
    public synchronized void add(Document document, P position, MongoCollection<P> collection) {
        List<IndexEntry> documentEntries = entriesOf(document);
        requireUnique(documentEntries, document, collection);
        if (documentEntries.size() != 1 || documentEntries.stream().anyMatch(IndexEntry::hasEmpty)) {
            multiKey = !isUnindexed(document) || multiKey;
        }
        for (IndexEntry entry : documentEntries) {
            entries.put(entry, position);
        }
    }

    @Override
    public synchronized P remove(Document document) {
        P position = null;
        for (IndexEntry entry : entriesOf(document)) {
            P removed = entries.remove(entry);
            if (removed != null) {
                position = removed;
            }
        }
        return position;
    }

    @Override
    public synchronized void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        if (unique && !nullAwareEqualsKeys(oldDocument, newDocument)) {
            for (IndexEntry entry : entriesOf(newDocument)) {
                requireNoOtherWith(entry, oldDocument.get("_id"), collection);
            }
        }
    }

    @Override
    public synchronized void updateInPlace(
            Document oldDocument, Document newDocument, P position, MongoCollection<P> collection) {
        if (!nullAwareEqualsKeys(oldDocument, newDocument)
                || !java.util.Objects.equals(oldDocument.get("_id"), newDocument.get("_id"))) {
            remove(oldDocument);
            add(newDocument, position, collection);
        }
    }

    /** Never offered to mongo-java-server's own planner: {@link IndexWalk} plans for this index. */
    @Override
    public boolean canHandle(Document query) {
        return false;
    }

    @Override
    public Iterable<P> getPositions(Document query) {
        throw new UnsupportedOperationException("planned by IndexWalk");
    }

    @Override
    public long getCount() {
        return entries.size();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    /**
     * Nothing to free: a dropped index is no longer reachable from its collection, and a walk still on it finishes
     * over the entries it began with. Clearing them one by one cost a dropped collection of 16,000 chat views half a
     * second, most of a projection's reset.
     */
    @Override
    public void drop() {}

    /**
     * A document being added clashes with every entry of the same values, its own {@code _id}'s too: that is another
     * document with the same {@code _id} (an upsert whose filter names a stored {@code _id} but does not match it). On
     * {@code _id}'s own index that must be MongoDB's duplicate key, not the backend's failure to store it.
     */
    private void requireUnique(List<IndexEntry> documentEntries, Document document, MongoCollection<P> collection) {
        if (unique) {
            for (IndexEntry entry : documentEntries) {
                requireNoOtherWith(entry, NEW_DOCUMENT, collection);
            }
        }
    }

    /** {@code ownId}: the {@code _id} of the document whose own entries do not clash (an update's). */
    private void requireNoOtherWith(IndexEntry entry, Object ownId, MongoCollection<P> collection) {
        Map.Entry<IndexEntry, P> same = entries.ceilingEntry(new IndexEntry(entry.values(), IndexEntry.LOWEST));
        while (same != null && sameValues(same.getKey(), entry)) {
            if (!java.util.Objects.equals(same.getKey().id(), ownId)) {
                throw new DuplicateKeyError(this, collection, getKeys(), new KeyValue(entry.values()));
            }
            same = entries.higherEntry(same.getKey());
        }
    }

    private static boolean sameValues(IndexEntry a, IndexEntry b) {
        for (int i = 0; i < a.values().length; i++) {
            if (IndexEntry.compareValues(a.values()[i], b.values()[i]) != 0) {
                return false;
            }
        }
        return true;
    }

    private boolean isUnindexed(Document document) {
        return isSparse()
                && keys().stream().allMatch(key -> Utils.getSubdocumentValue(document, key) instanceof Missing);
    }

    /** One entry per key value of the document (several for an array), one {@link IndexEntry#EMPTY} entry for none. */
    private List<IndexEntry> entriesOf(Document document) {
        if (isUnindexed(document)) {
            return List.of();
        }
        Object id = document.get("_id");
        Set<KeyValue> keyValues = getKeyValues(document);
        List<IndexEntry> documentEntries = new ArrayList<>(keyValues.size());
        for (KeyValue keyValue : keyValues) {
            documentEntries.add(new IndexEntry(toArray(keyValue), id));
        }
        if (documentEntries.isEmpty()) {
            documentEntries.addAll(entriesWithAnEmptyArray(document, id));
        }
        return documentEntries;
    }

    /**
     * mongo-java-server makes no key at all for a document with an empty array in an indexed field (its keys are every
     * combination of the fields' values, and an empty array has none): here such a field's key is
     * {@link IndexEntry#EMPTY} and every other field keeps its values, so that an equality or range on another field of a
     * compound index still finds the document.
     */
    private List<IndexEntry> entriesWithAnEmptyArray(Document document, Object id) {
        List<List<Object>> rows = List.of(List.of());
        for (String key : keys()) {
            Object value = Utils.getSubdocumentValueCollectionAware(document, key);
            Collection<?> choices = value instanceof Collection<?> values
                    ? (values.isEmpty() ? List.of(IndexEntry.EMPTY) : new LinkedHashSet<>(values))
                    : Collections.singletonList(value);
            List<List<Object>> longer = new ArrayList<>();
            for (List<Object> row : rows) {
                for (Object choice : choices) {
                    List<Object> next = new ArrayList<>(row);
                    next.add(choice);
                    longer.add(next);
                }
            }
            rows = longer;
        }
        List<IndexEntry> entries = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            Object[] values = new Object[row.size()];
            for (int i = 0; i < values.length; i++) {
                Object value = row.get(i);
                values[i] = value == IndexEntry.EMPTY
                        ? IndexEntry.EMPTY
                        : new KeyValue(value).normalized().get(0);
            }
            entries.add(new IndexEntry(values, id));
        }
        return entries;
    }

    private static Object[] toArray(KeyValue keyValue) {
        Object[] values = new Object[keyValue.size()];
        for (int i = 0; i < values.length; i++) {
            Object value = keyValue.get(i);
            values[i] = value instanceof Collection<?> collection && collection.isEmpty() ? IndexEntry.EMPTY : value;
        }
        return values;
    }
}
