package dev.studybuddy.testing;

import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;

/** What the event store holds, for tests that look for personal texts in it (docs/adr/0019). */
public final class StoredText {

    private StoredText() {}

    /** Every event and snapshot document, as MongoDB holds it, one JSON document a line. */
    public static String of(MongoDatabase database) {
        StringBuilder text = new StringBuilder();
        for (String collection : List.of("domainevents", "snapshotevents")) {
            database.getCollection(collection)
                    .find()
                    .forEach((Document document) ->
                            text.append(document.toJson()).append('\n'));
        }
        return text.toString();
    }

    /** The payloads of an aggregate's events, oldest first, as the services read them. */
    public static List<Object> payloads(EventStore eventStore, String aggregateId) {
        List<Object> payloads = new ArrayList<>();
        eventStore
                .readEvents(aggregateId)
                .asStream()
                .map(DomainEventMessage::getPayload)
                .forEach(payloads::add);
        return payloads;
    }
}
