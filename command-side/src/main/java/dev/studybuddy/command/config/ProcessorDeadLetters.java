package dev.studybuddy.command.config;

import dev.studybuddy.platform.deadletter.DeadLetterQueues;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Command-side's processors park an event they cannot handle instead of stopping (platform's dead letters). */
@Configuration(proxyBeanMethods = false)
class ProcessorDeadLetters {

    @Bean
    ConfigurerModule identityDeadLetters(DeadLetterQueues queues) {
        return queues.on("identity");
    }

    @Bean
    ConfigurerModule membershipSeatsDeadLetters(DeadLetterQueues queues) {
        return queues.on("membership-seats");
    }

    @Bean
    ConfigurerModule ownerSuccessionDeadLetters(DeadLetterQueues queues) {
        return queues.on("owner-succession");
    }
}
