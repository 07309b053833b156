package dev.studybuddy.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.messaging.annotation.AnnotatedHandlerInspector;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.junit.jupiter.api.Test;

class SagaEventTypesTest {

    interface AccountEvent {
        String accountId();
    }

    record AccountOpened(String accountId) implements AccountEvent {}

    record AccountClosed(String accountId) implements AccountEvent {}

    record Reminded(String accountId) {}

    record ChatPosted(String accountId) {}

    record ReminderDue(String accountId) {}

    static class AccountSaga {

        @StartSaga
        @SagaEventHandler(associationProperty = "accountId")
        void on(AccountOpened event) {}

        @SagaEventHandler(associationProperty = "accountId")
        void on(AccountEvent event) {}

        @SagaEventHandler(associationProperty = "accountId", payloadType = Reminded.class)
        void reminded() {}

        @DeadlineHandler(deadlineName = "reminder")
        void remind(ReminderDue due) {}
    }

    private final RecordingManager manager = new RecordingManager();
    private final SagaEventTypes invoker =
            new SagaEventTypes(manager, AnnotatedHandlerInspector.inspectType(AccountSaga.class), AccountSaga.class);

    @Test
    void saysItHandlesTheTypesOfTheSagasEventHandlersAndTheirSubtypes() {
        assertThat(invoker.canHandleType(AccountOpened.class)).isTrue();
        assertThat(invoker.canHandleType(AccountClosed.class))
                .as("through AccountEvent")
                .isTrue();
        assertThat(invoker.canHandleType(Reminded.class))
                .as("a handler's declared payloadType")
                .isTrue();
    }

    @Test
    void saysItNeverHandlesOtherTypesNorTheOnesOnlyItsDeadlineHandlersTake() {
        assertThat(invoker.canHandleType(ChatPosted.class)).isFalse();
        assertThat(invoker.canHandleType(ReminderDue.class)).isFalse();
        assertThat(invoker.canHandleType(String.class)).isFalse();
    }

    @Test
    void handsEverythingElseToTheSagaManager() throws Exception {
        EventMessage<?> event = GenericEventMessage.asEventMessage(new ChatPosted("a"));
        Segment segment = Segment.ROOT_SEGMENT.split()[1];

        assertThat(invoker.canHandle(event, segment)).isTrue();
        invoker.handle(event, segment);
        assertThat(invoker.supportsReset()).isFalse();
        invoker.performReset();
        invoker.performReset("context");
        invoker.segmentReleased(segment);

        assertThat(manager.calls)
                .containsExactly(
                        "canHandle " + segment.getSegmentId(),
                        "handle " + segment.getSegmentId(),
                        "supportsReset",
                        "performReset",
                        "performReset context",
                        "segmentReleased " + segment.getSegmentId());
    }

    private static class RecordingManager implements EventHandlerInvoker {

        final List<String> calls = new ArrayList<>();

        @Override
        public boolean canHandle(EventMessage<?> eventMessage, Segment segment) {
            calls.add("canHandle " + segment.getSegmentId());
            return true;
        }

        @Override
        public boolean canHandleType(Class<?> payloadType) {
            calls.add("canHandleType");
            return true;
        }

        @Override
        public void handle(EventMessage<?> message, Segment segment) {
            calls.add("handle " + segment.getSegmentId());
        }

        @Override
        public boolean supportsReset() {
            calls.add("supportsReset");
            return false;
        }

        @Override
        public void performReset() {
            calls.add("performReset");
        }

        @Override
        public <R> void performReset(R resetContext) {
            calls.add("performReset " + resetContext);
        }

        @Override
        public void segmentReleased(Segment segment) {
            calls.add("segmentReleased " + segment.getSegmentId());
        }
    }
}
