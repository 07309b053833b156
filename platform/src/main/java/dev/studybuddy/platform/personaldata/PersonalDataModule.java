package dev.studybuddy.platform.personaldata;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import dev.studybuddy.api.privacy.PersonalData;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Seals the {@link PersonalData} components of events with their subject's data key when they are written
 * ({@link SealedField}) and opens them when they are read; a field whose key is gone reads as {@code null}. A plain
 * string where a sealed field could be (every event stored before this module) is read as it is. Registered only on
 * the event serializer's own copy of the object mapper (docs/adr/0019-erasure-by-crypto-shredding.md).
 */
public class PersonalDataModule extends SimpleModule {

    public PersonalDataModule(DataKeys keys) {
        super("studybuddy-personal-data");
        setSerializerModifier(new Sealing(keys));
        addDeserializer(String.class, new Opening(keys));
    }

    private static final class Sealing extends BeanSerializerModifier {

        private final DataKeys keys;

        Sealing(DataKeys keys) {
            this.keys = keys;
        }

        @Override
        public List<BeanPropertyWriter> changeProperties(
                SerializationConfig config, BeanDescription description, List<BeanPropertyWriter> properties) {
            List<BeanPropertyWriter> changed = new ArrayList<>(properties.size());
            for (BeanPropertyWriter property : properties) {
                PersonalData marked = property.getAnnotation(PersonalData.class);
                changed.add(
                        marked == null
                                ? property
                                : new SealingWriter(property, subject(description.getBeanClass(), marked), keys));
            }
            return changed;
        }

        private static Method subject(Class<?> type, PersonalData marked) {
            if (PersonalData.ACTOR.equals(marked.subject())) {
                return null;
            }
            try {
                return type.getMethod(marked.subject());
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(
                        type.getName() + " names " + marked.subject() + " as a subject, and has no such component", e);
            }
        }
    }

    /** Writes a marked field sealed, or {@code null} when its subject has no key this service may use. */
    private static final class SealingWriter extends BeanPropertyWriter {

        private final transient Method subjectAccessor;
        private final transient DataKeys keys;

        SealingWriter(BeanPropertyWriter base, Method subjectAccessor, DataKeys keys) {
            super(base);
            this.subjectAccessor = subjectAccessor;
            this.keys = keys;
        }

        @Override
        public void serializeAsField(Object bean, JsonGenerator generator, SerializerProvider provider)
                throws Exception {
            Object value = get(bean);
            if (value == null) {
                super.serializeAsField(bean, generator, provider);
                return;
            }
            UUID subject = subjectOf(bean);
            Optional<SealedField> sealed =
                    keys.forSealing(subject).map(key -> SealedField.seal(subject, key, value.toString()));
            generator.writeFieldName(_name);
            if (sealed.isEmpty()) {
                generator.writeNull();
                return;
            }
            generator.writeStartObject();
            generator.writeStringField(SealedField.MARKER, SealedField.VERSION);
            generator.writeStringField(SealedField.KEY, subject.toString());
            generator.writeStringField(SealedField.IV, sealed.get().ivText());
            generator.writeStringField(SealedField.CT, sealed.get().ciphertextText());
            generator.writeEndObject();
        }

        private UUID subjectOf(Object bean) throws IllegalAccessException, InvocationTargetException {
            Object subject =
                    subjectAccessor == null ? PersonalDataContext.actor().orElse(null) : subjectAccessor.invoke(bean);
            if (subject == null) {
                throw new PersonalDataException("the personal field "
                        + bean.getClass().getSimpleName() + "." + getName() + " has no subject to be sealed for");
            }
            return subject instanceof UUID id ? id : UUID.fromString(subject.toString());
        }
    }

    /** Any string of an event: as it is, or opened from a sealed field ({@code null} once its key is gone). */
    private static final class Opening extends StdScalarDeserializer<String> {

        private final transient DataKeys keys;

        Opening(DataKeys keys) {
            super(String.class);
            this.keys = keys;
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                return StringDeserializer.instance.deserialize(parser, context);
            }
            JsonNode node = context.readTree(parser);
            if (!node.hasNonNull(SealedField.MARKER)) {
                return context.reportInputMismatch(this, "an object where a text or a sealed personal field belongs");
            }
            return SealedField.of(
                            node.path(SealedField.MARKER).asText(),
                            node.path(SealedField.KEY).asText(null),
                            node.path(SealedField.IV).asText(null),
                            node.path(SealedField.CT).asText(null))
                    .open(keys)
                    .orElse(null);
        }
    }
}
