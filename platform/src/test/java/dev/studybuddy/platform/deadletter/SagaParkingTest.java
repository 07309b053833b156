package dev.studybuddy.platform.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.deadletter.InMemorySequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;

/** What a saga's processor does with a handler's failure: a poison is parked, a store that did not answer is not. */
class SagaParkingTest {

    private final SequencedDeadLetterQueue<EventMessage<?>> queue =
            InMemorySequencedDeadLetterQueue.<EventMessage<?>>builder().build();
    private final SagaDeadLetters.Parking parking = new SagaDeadLetters.Parking(() -> queue);
    private final EventMessage<?> event = GenericEventMessage.asEventMessage("payload");
    private final EventMessageHandler handler = message -> null;

    @Test
    void aPoisonIsParked() throws Exception {
        parking.onError(new IllegalArgumentException("beyond any calendar"), event, handler);

        assertThat(queue.amountOfSequences()).isEqualTo(1);
    }

    @Test
    void aDeadlockOrAnOutageFailsTheBatchForItsRetryInsteadOfParking() {
        CannotAcquireLockException deadlock = new CannotAcquireLockException("deadlock detected");

        assertThatThrownBy(() -> parking.onError(deadlock, event, handler))
                .isInstanceOf(ParkUnlessTransient.StoreUnavailableException.class)
                .hasCause(deadlock);
        assertThat(queue.amountOfSequences()).isZero();
    }

    @Test
    void anErrorOfTheCodeDeployedFailsTheBatchInsteadOfParkingAStackOverflowIsParked() throws Exception {
        SavepointPerEventHandler.HandlerThrewAnError missingClass =
                new SavepointPerEventHandler.HandlerThrewAnError(new NoClassDefFoundError("Example"));
        assertThatThrownBy(() -> parking.onError(missingClass, event, handler)).isSameAs(missingClass);
        assertThat(queue.amountOfSequences()).isZero();

        parking.onError(new SavepointPerEventHandler.HandlerThrewAnError(new StackOverflowError()), event, handler);
        assertThat(queue.amountOfSequences()).isEqualTo(1);
    }
}
