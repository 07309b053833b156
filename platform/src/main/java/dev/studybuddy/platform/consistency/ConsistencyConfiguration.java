package dev.studybuddy.platform.consistency;

import dev.studybuddy.platform.personaldata.PersonalDataConfiguration;
import dev.studybuddy.platform.personaldata.PersonalDataKeys;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

@AutoConfiguration(
        afterName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration",
        after = PersonalDataConfiguration.class)
public class ConsistencyConfiguration {

    @Bean
    public ConsistencyTokens consistencyTokens(PersonalDataKeys keys) {
        return new ConsistencyTokens(keys.derivedKey("consistency tokens"));
    }

    @Bean
    public Commands commands(CommandGateway commandGateway, EventStore eventStore, ConsistencyTokens tokens) {
        return new Commands(commandGateway, eventStore, tokens);
    }
}
