package dev.studybuddy.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.annotation.AnnotatedMessageHandlingMemberDefinition;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiHandlerDefinition;
import org.axonframework.serialization.SerializationException;
import org.junit.jupiter.api.Test;

class ConditionalEventHandlersTest {

    record Note(String text, List<String> tags) {}

    record Other(String text) {}

    static final class Tagged implements Predicate<Note> {
        @Override
        public boolean test(Note note) {
            return !note.tags().isEmpty();
        }
    }

    static final class Listener {
        final List<Note> handled = new ArrayList<>();

        @EventHandler
        @HandlesOnly(Tagged.class)
        void on(Note note) {
            handled.add(note);
        }

        @EventHandler
        void on(Other other) {
            // every one
        }
    }

    private final Listener listener = new Listener();
    private final AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(
            listener,
            ClasspathParameterResolverFactory.forClass(Listener.class),
            MultiHandlerDefinition.ordered(
                    new ConditionalEventHandlers(), new AnnotatedMessageHandlingMemberDefinition()));

    @Test
    void aConditionalHandlerTakesInOnlyThePayloadsItsConditionAccepts() throws Exception {
        EventMessage<Note> tagged = GenericEventMessage.asEventMessage(new Note("a", List.of("x")));
        EventMessage<Note> untagged = GenericEventMessage.asEventMessage(new Note("b", List.of()));

        assertThat(adapter.canHandle(tagged)).isTrue();
        assertThat(adapter.canHandle(untagged)).isFalse();
        assertThat(adapter.canHandleType(Note.class))
                .as("the type alone still says yes")
                .isTrue();
        assertThat(adapter.canHandle(GenericEventMessage.asEventMessage(new Other("c"))))
                .as("handlers without the annotation are untouched")
                .isTrue();

        adapter.handle(tagged);
        assertThat(listener.handled).containsExactly(tagged.getPayload());
    }

    @Test
    void aPayloadThatCannotBeReadIsLeftToTheHandlerToFailAndBeParked() {
        EventMessage<Note> unreadable = new GenericEventMessage<>(new Note("d", List.of())) {
            @Override
            public Note getPayload() {
                throw new SerializationException("not readable");
            }

            @Override
            public Class<Note> getPayloadType() {
                return Note.class;
            }
        };

        assertThat(adapter.canHandle(unreadable)).isTrue();
    }
}
