package dev.studybuddy.command.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * Aggregates as the event store's snapshots hold them: command-side's general serializer is Axon's
 * Jackson serializer (axon.serializer.general) on Spring Boot's ObjectMapper, which this one mirrors.
 */
public final class Snapshots {

    private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json()
            .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();
    private static final Serializer SERIALIZER =
            JacksonSerializer.builder().objectMapper(JSON).build();

    private Snapshots() {}

    /** @return the size in bytes of the aggregate's snapshot */
    public static int sizeOf(Object aggregate) {
        return SERIALIZER.serialize(aggregate, byte[].class).getData().length;
    }

    public static <T> T restored(T aggregate) {
        return fromJson(new String(SERIALIZER.serialize(aggregate, byte[].class).getData()), aggregateType(aggregate));
    }

    public static <T> T fromJson(String json, Class<T> type) {
        return SERIALIZER.deserialize(new SimpleSerializedObject<>(json, String.class, type.getName(), null));
    }

    /** @return the aggregate's snapshot document, or the document a snapshot's JSON text is, to compare as trees */
    public static JsonNode document(Object aggregateOrJson) {
        try {
            return JSON.readTree(
                    aggregateOrJson instanceof String json ? json : JSON.writeValueAsString(aggregateOrJson));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> Class<T> aggregateType(T aggregate) {
        return (Class<T>) aggregate.getClass();
    }
}
