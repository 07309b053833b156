package dev.studybuddy.platform.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/**
 * A domain event whose payload was serialized once, for its hash: the store writes that same serialized form. Adding
 * metadata makes Axon forget a message's serialized payload, and a payload with sealed personal fields serializes
 * differently each time (random IVs), so the chain would hash other bytes than the store holds.
 */
final class SerializedOnce<T> extends GenericDomainEventMessage<T> {

    private final transient Serializer serializer;
    private final transient SerializedObject<String> payload;

    SerializedOnce(DomainEventMessage<T> event, Serializer serializer, SerializedObject<String> payload) {
        super(event.getType(), event.getAggregateIdentifier(), event.getSequenceNumber(), event, event.getTimestamp());
        this.serializer = serializer;
        this.payload = payload;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> SerializedObject<R> serializePayload(Serializer serializer, Class<R> expectedRepresentation) {
        if (serializer != this.serializer) {
            return super.serializePayload(serializer, expectedRepresentation);
        }
        if (expectedRepresentation == String.class) {
            return (SerializedObject<R>) payload;
        }
        // the Mongo engine asks for a document when the serializer can make one: made from the same text
        return serializer.getConverter().convert(payload, expectedRepresentation);
    }
}
