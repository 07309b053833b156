package dev.studybuddy.command.audit;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.springframework.stereotype.Component;

/**
 * An aggregate as it stood at an instant: a fresh instance fed, through the aggregate's own
 * {@code @EventSourcingHandler}s, every stored event of its stream up to that instant — from sequence 0
 * and never from a snapshot, in a throw-away {@link EventSourcedAggregate} that is never stored, cached
 * or published. Its fields are shown as JSON (field visibility, for this view only).
 */
@Component
class PastStates {

    private final Configuration axon;
    private final EventStorageEngine storageEngine;
    private final ObjectMapper fieldsOnly;
    private final Map<Class<?>, AggregateModel<?>> models = new ConcurrentHashMap<>();

    PastStates(Configuration axon, EventStorageEngine storageEngine, ObjectMapper objectMapper) {
        this.axon = axon;
        this.storageEngine = storageEngine;
        this.fieldsOnly = objectMapper
                .copy()
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
    }

    /** @return empty if the aggregate had no event yet at {@code at} */
    <T> Optional<PastState> at(Class<T> type, String aggregateId, Instant at) {
        // the storage engine's own read of the domain events: the event store's would start at a snapshot
        List<? extends DomainEventMessage<?>> upToThen = storageEngine
                .readEvents(aggregateId, 0)
                .asStream()
                .takeWhile(event -> !event.getTimestamp().isAfter(at))
                .toList();
        if (upToThen.isEmpty()) {
            return Optional.empty();
        }
        AggregateModel<T> model = model(type);
        T root = new GenericAggregateFactory<>(model).createAggregateRoot(aggregateId, upToThen.get(0));
        EventSourcedAggregate<T> aggregate =
                EventSourcedAggregate.initialize(root, model, null, NoSnapshotTriggerDefinition.TRIGGER);
        aggregate.initializeState(DomainEventStream.of(upToThen));
        JsonNode state = fieldsOnly.valueToTree(aggregate.getAggregateRoot());
        return Optional.of(new PastState(type.getSimpleName(), aggregateId, at, aggregate.version(), state));
    }

    @SuppressWarnings("unchecked")
    private <T> AggregateModel<T> model(Class<T> type) {
        return (AggregateModel<T>) models.computeIfAbsent(
                type,
                t -> AnnotatedAggregateMetaModelFactory.inspectAggregate(
                        t, axon.parameterResolverFactory(), axon.handlerDefinition(t)));
    }

    /** @param version the sequence number of the last event applied */
    record PastState(String aggregateType, String aggregateId, Instant at, Long version, JsonNode state) {}
}
