package dev.studybuddy.platform.eventstore;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.nin;
import static org.axonframework.common.DateTimeUtils.formatInstant;

import com.mongodb.BasicDBObject;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.IndexOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.Assert;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoTrackingToken;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.DocumentPerEventStorageStrategy;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.bson.Document;

/**
 * axon-mongo's one-document-per-event storage, reading tracked events as its own {@code findTrackedEvents} does
 * (axon-mongo 4.12.0: the same query, order and filter) but making their tokens with {@link SharedLookBackWindow},
 * which keeps the look-back window of a fetched batch once instead of copying it into every event's token.
 * <p>
 * Its index for that query ({@value #TRACKING_INDEX}) ends with the event id: a fetch reads every event of its
 * token's look-back window again (a second of events) only to leave out, by its {@code $nin} of their ids, those the
 * token has seen, and with the id in the index MongoDB leaves them out from the index keys without reading their
 * documents. axon-mongo's {@code orderedEventStreamIndex} (timestamp, sequence number) stays as it makes it.
 */
public class WindowSharingStorageStrategy extends DocumentPerEventStorageStrategy {

    static final String TRACKING_INDEX = "trackingFetchIndex";

    private final Duration lookBack;

    public WindowSharingStorageStrategy(EventEntryConfiguration configuration, Duration lookBack) {
        super(configuration, lookBack);
        this.lookBack = lookBack;
    }

    @Override
    public void ensureIndexes(
            MongoCollection<Document> eventsCollection, MongoCollection<Document> snapshotsCollection) {
        super.ensureIndexes(eventsCollection, snapshotsCollection);
        EventEntryConfiguration fields = eventConfiguration();
        eventsCollection.createIndex(
                new BasicDBObject(fields.timestampProperty(), ORDER_ASC)
                        .append(fields.sequenceNumberProperty(), ORDER_ASC)
                        .append(fields.eventIdentifierProperty(), ORDER_ASC),
                new IndexOptions().name(TRACKING_INDEX));
    }

    @Override
    public List<? extends TrackedEventData<?>> findTrackedEvents(
            MongoCollection<Document> eventCollection, TrackingToken lastToken, int batchSize) {
        Assert.isTrue(
                lastToken == null || lastToken instanceof MongoTrackingToken,
                () -> String.format("Token %s is of the wrong type", lastToken));
        MongoTrackingToken last = (MongoTrackingToken) lastToken;
        EventEntryConfiguration fields = eventConfiguration();
        FindIterable<Document> cursor = last == null
                ? eventCollection.find()
                : eventCollection.find(and(
                        gte(
                                fields.timestampProperty(),
                                formatInstant(last.getTimestamp().minus(lookBack))),
                        nin(fields.eventIdentifierProperty(), last.getKnownEventIds())));
        cursor = cursor.sort(new BasicDBObject(fields.timestampProperty(), ORDER_ASC)
                        .append(fields.sequenceNumberProperty(), ORDER_ASC))
                .batchSize(batchSize);
        SharedLookBackWindow tokens = new SharedLookBackWindow(last, lookBack);
        List<TrackedEventData<?>> results = new ArrayList<>();
        try (MongoCursor<Document> iterator = cursor.iterator()) {
            while (results.size() < batchSize && iterator.hasNext()) {
                extractEvents(iterator.next())
                        .filter(event -> !tokens.knows(event.getEventIdentifier()))
                        .forEach(event -> results.add(
                                tracked(tokens.advanceTo(event.getTimestamp(), event.getEventIdentifier()), event)));
            }
        }
        return results;
    }

    private static <T> TrackedEventData<T> tracked(TrackingToken token, DomainEventData<T> event) {
        return new TrackedDomainEventData<>(token, event);
    }
}
