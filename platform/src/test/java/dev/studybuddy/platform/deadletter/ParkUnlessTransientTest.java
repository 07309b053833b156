package dev.studybuddy.platform.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoSocketReadException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import java.sql.SQLException;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

class ParkUnlessTransientTest {

    private final ParkUnlessTransient policy = new ParkUnlessTransient();
    private final EventMessage<?> event = GenericEventMessage.asEventMessage("payload");

    @Test
    void aPoisonIsParkedWithItsCause() {
        NullPointerException poison = new NullPointerException("messageId");

        EnqueueDecision<EventMessage<?>> decision =
                policy.decide(new GenericDeadLetter<>("group-1", event, poison), poison);

        assertThat(decision.shouldEnqueue()).isTrue();
        assertThat(decision.enqueueCause()).hasValueSatisfying(cause -> {
            assertThat(cause).hasMessage("messageId");
            assertThat(cause.getClass().getSimpleName()).isEqualTo("ThrowableCause");
        });
    }

    @Test
    void aStoreThatDoesNotAnswerFailsTheBatchInsteadOfParking() {
        for (Exception outage : new Exception[] {
            new MongoSocketReadException("closed", new ServerAddress()),
            new IllegalStateException("wrapped", new MongoTimeoutException("no server")),
            new CannotGetJdbcConnectionException("pool exhausted", new SQLException("refused"))
        }) {
            assertThatThrownBy(() -> policy.decide(new GenericDeadLetter<>("group-1", event, outage), outage))
                    .isInstanceOf(ParkUnlessTransient.StoreUnavailableException.class)
                    .hasCause(outage);
        }
    }

    @Test
    void aHandlersStackOverflowIsParkedAnErrorOfTheJvmOrOfTheCodeDeployedIsNot() {
        SavepointPerEventHandler.HandlerThrewAnError overflow =
                new SavepointPerEventHandler.HandlerThrewAnError(new StackOverflowError());
        assertThat(policy.decide(new GenericDeadLetter<>("group-1", event, overflow), overflow)
                        .shouldEnqueue())
                .isTrue();

        for (Error notTheEvents : new Error[] {
            new OutOfMemoryError("Java heap space"),
            new NoClassDefFoundError("Could not initialize class Example"),
            new AssertionError("a library's broken assumption")
        }) {
            SavepointPerEventHandler.HandlerThrewAnError failure =
                    new SavepointPerEventHandler.HandlerThrewAnError(notTheEvents);
            assertThatThrownBy(() -> policy.decide(new GenericDeadLetter<>("group-1", event, failure), failure))
                    .isSameAs(failure);
        }
    }

    @Test
    void aFailureOfAnotherEventsWorkIsNotParkedUnderThisOne() {
        ParkUnlessTransient.NotThisEventsFailure earlier =
                new ParkUnlessTransient.NotThisEventsFailure("earlier writes", new IllegalStateException("refused"));

        assertThatThrownBy(() -> policy.decide(new GenericDeadLetter<>("group-1", event, earlier), earlier))
                .isSameAs(earlier);
    }

    @Test
    void aFailureWithoutASavepointFailsTheBatchSoThatItsRetryCanPark() {
        Savepoints.RetryWithSavepoints retry =
                new Savepoints.RetryWithSavepoints(new NullPointerException("messageId"));

        assertThatThrownBy(() -> policy.decide(new GenericDeadLetter<>("group-1", event, retry), retry))
                .isSameAs(retry);
    }
}
