package dev.studybuddy.command.group;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@link OwnerSuccession} takes in each account's events in order ({@link OwnerConcerned}). */
@Configuration(proxyBeanMethods = false)
class OwnerSuccessionConfiguration {

    @Bean
    ConfigurerModule ownerSuccessionInOrderOfTheAccount() {
        return configurer -> configurer.eventProcessing(processing ->
                processing.registerSequencingPolicy(OwnerSuccession.PROCESSING_GROUP, ignored -> new OwnerConcerned()));
    }
}
