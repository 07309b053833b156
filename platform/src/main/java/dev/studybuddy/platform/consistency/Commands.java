package dev.studybuddy.platform.consistency;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * What a REST controller needs to act: send a command and answer with the consistency token of the
 * aggregate's newest event (this command's, or a later one: waiting for it is never too little).
 */
public class Commands {

    private final CommandGateway commandGateway;
    private final EventStore eventStore;
    private final ConsistencyTokens tokens;

    public Commands(CommandGateway commandGateway, EventStore eventStore, ConsistencyTokens tokens) {
        this.commandGateway = commandGateway;
        this.eventStore = eventStore;
        this.tokens = tokens;
    }

    /** Sends {@code command}, waits for its result, and returns it (refusals are thrown). */
    public <R> R sendAndWait(Object command) {
        return commandGateway.sendAndWait(command);
    }

    /** The sequence number of the aggregate's newest stored event, -1 for an aggregate with none. */
    public long latestSequence(Object aggregateId) {
        return eventStore.lastSequenceNumberFor(aggregateId.toString()).orElse(-1L);
    }

    /** Sends {@code command} to aggregate {@code aggregateId} and answers 204 with its consistency token. */
    public ResponseEntity<Void> send(Object command, Object aggregateId) {
        commandGateway.sendAndWait(command);
        return noContent(aggregateId);
    }

    public ResponseEntity<Void> noContent(Object aggregateId) {
        return respond(HttpStatus.NO_CONTENT, aggregateId, null);
    }

    /**
     * Answers with the consistency token of event {@code sequence} of the aggregate, known from the command's result:
     * one read of the event store fewer than {@link #respond(HttpStatus, Object, Object)} on the busiest path.
     */
    public <T> ResponseEntity<T> respondAt(HttpStatus status, Object aggregateId, long sequence, T body) {
        return ResponseEntity.status(status)
                .header(ConsistencyToken.HEADER, tokens.encode(new ConsistencyToken(aggregateId.toString(), sequence)))
                .body(body);
    }

    public <T> ResponseEntity<T> respond(HttpStatus status, Object aggregateId, T body) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(status);
        eventStore
                .lastSequenceNumberFor(aggregateId.toString())
                .map(sequence -> tokens.encode(new ConsistencyToken(aggregateId.toString(), sequence)))
                .ifPresent(token -> builder.header(ConsistencyToken.HEADER, token));
        return builder.body(body);
    }
}
