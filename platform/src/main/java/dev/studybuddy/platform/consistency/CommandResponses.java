package dev.studybuddy.platform.consistency;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Builds the answer to a successful command, with the consistency token of the aggregate's newest
 * event (which is this command's, or a later one: waiting for it is never too little).
 */
public class CommandResponses {

    private final EventStore eventStore;

    public CommandResponses(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public <T> ResponseEntity<T> respond(HttpStatus status, Object aggregateId, T body) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(status);
        eventStore.lastSequenceNumberFor(aggregateId.toString())
                .map(sequence -> new ConsistencyToken(aggregateId.toString(), sequence).encode())
                .ifPresent(token -> builder.header(ConsistencyToken.HEADER, token));
        return builder.body(body);
    }

    public ResponseEntity<Void> noContent(Object aggregateId) {
        return respond(HttpStatus.NO_CONTENT, aggregateId, null);
    }
}
