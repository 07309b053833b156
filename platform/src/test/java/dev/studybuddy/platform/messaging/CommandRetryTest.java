package dev.studybuddy.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

class CommandRetryTest {

    private final MessagingConfiguration configuration = new MessagingConfiguration();

    private CommandGateway gatewayFor(CommandBus bus) {
        return configuration.commandGateway(bus, configuration.commandRetryScheduler(new CommandRetryProperties(3, 1)));
    }

    @Test
    void aCommandThatLostARaceOnItsStreamIsRetried() {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        AtomicInteger attempts = new AtomicInteger();
        bus.subscribe(String.class.getName(), command -> {
            if (attempts.incrementAndGet() < 3) {
                ConcurrencyException lostRace = new ConcurrencyException("another node appended first");
                lostRace.initCause(new IllegalStateException("E11000 duplicate key (as the store reports it)"));
                throw lostRace;
            }
            return "done";
        });

        assertThat((String) gatewayFor(bus).sendAndWait("go")).isEqualTo("done");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void aRefusalIsNeverRetried() {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        AtomicInteger attempts = new AtomicInteger();
        bus.subscribe(String.class.getName(), command -> {
            attempts.incrementAndGet();
            throw new DomainException(ErrorCode.GROUP_FULL, "full");
        });

        assertThatThrownBy(() -> gatewayFor(bus).sendAndWait("go")).isInstanceOf(DomainException.class);
        assertThat(attempts).hasValue(1);
    }
}
