package dev.studybuddy.query.search;

import dev.studybuddy.platform.deadletter.DeadLetterQueues;
import dev.studybuddy.query.consistency.ApplyOnce;
import dev.studybuddy.query.consistency.ProjectionPositions;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class SearchProcessorConfiguration {

    @Bean
    ConfigurerModule messageSearchAppliedOnce(ProjectionPositions positions) {
        return ApplyOnce.on(MessageSearchProjection.PROCESSING_GROUP, positions);
    }

    @Bean
    ConfigurerModule messageSearchDeadLetters(DeadLetterQueues queues) {
        return queues.on(MessageSearchProjection.PROCESSING_GROUP);
    }
}
