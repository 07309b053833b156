package dev.studybuddy.platform.personaldata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.studybuddy.api.privacy.PersonalData;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the {@link PersonalData} fields of a stored event payload that are still plain text (stored before
 * docs/adr/0019) and seals them in place, in the very form {@link PersonalDataModule} writes. A field whose subject
 * has no key to seal with (erased, or never given one where this service may not create keys) or cannot be told (an
 * edit stored without its actor) is not kept in clear: it becomes {@code null}, as it reads once the key is gone.
 */
public class PlainFields {

    private final DataKeys keys;
    private final Map<String, List<Marked>> markedByType = new ConcurrentHashMap<>();

    public PlainFields(DataKeys keys) {
        this.keys = keys;
    }

    /** The fields found plain and what became of them. */
    public record Sealing(List<String> sealed, List<String> blanked) {
        public boolean isEmpty() {
            return sealed.isEmpty() && blanked.isEmpty();
        }
    }

    /** Whether events of this payload type have personal fields at all. */
    public boolean hasPersonalFields(String payloadType) {
        return !marked(payloadType).isEmpty();
    }

    /** Whether the payload holds a personal field in clear text. */
    public boolean holdsPlainText(String payloadType, JsonNode payload) {
        return marked(payloadType).stream()
                .anyMatch(field -> payload.path(field.name()).isTextual());
    }

    /**
     * Seals, in {@code payload} itself, every personal field that is plain text.
     *
     * @param actor who caused the event (its {@code actor} metadata), the subject of fields marked
     *              {@link PersonalData#ACTOR}; may be null
     */
    public Sealing seal(String payloadType, ObjectNode payload, String actor) {
        List<String> sealed = new ArrayList<>();
        List<String> blanked = new ArrayList<>();
        for (Marked field : marked(payloadType)) {
            JsonNode value = payload.get(field.name());
            if (value == null || !value.isTextual()) {
                continue;
            }
            Optional<UUID> subject = uuid(
                    PersonalData.ACTOR.equals(field.subject())
                            ? actor
                            : payload.path(field.subject()).asText(null));
            Optional<ObjectNode> sealedField = subject.flatMap(id ->
                    keys.forSealing(id).map(key -> sealedForm(SealedField.seal(id, key, value.asText()))));
            if (sealedField.isPresent()) {
                payload.set(field.name(), sealedField.get());
                sealed.add(field.name());
            } else {
                payload.putNull(field.name());
                blanked.add(field.name());
            }
        }
        return new Sealing(List.copyOf(sealed), List.copyOf(blanked));
    }

    private static ObjectNode sealedForm(SealedField field) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put(SealedField.MARKER, SealedField.VERSION);
        node.put(SealedField.KEY, field.subject().toString());
        node.put(SealedField.IV, field.ivText());
        node.put(SealedField.CT, field.ciphertextText());
        return node;
    }

    private static Optional<UUID> uuid(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private List<Marked> marked(String payloadType) {
        return markedByType.computeIfAbsent(payloadType, PlainFields::markedOf);
    }

    /** The marked components of a record type; none for a type this service does not know (or no longer has). */
    private static List<Marked> markedOf(String payloadType) {
        Class<?> type;
        try {
            type = Class.forName(payloadType, false, PlainFields.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return List.of();
        }
        if (!type.isRecord()) {
            return List.of();
        }
        List<Marked> marked = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            PersonalData personal = component.getAnnotation(PersonalData.class);
            if (personal != null) {
                marked.add(new Marked(component.getName(), personal.subject()));
            }
        }
        return List.copyOf(marked);
    }

    private record Marked(String name, String subject) {}
}
