package dev.studybuddy.platform.consistency;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

@AutoConfiguration(afterName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration")
public class ConsistencyConfiguration {

    @Bean
    public Commands commands(CommandGateway commandGateway, EventStore eventStore) {
        return new Commands(commandGateway, eventStore);
    }
}
