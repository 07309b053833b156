package dev.studybuddy.query.friendship;

import dev.studybuddy.query.consistency.ApplyOnce;
import dev.studybuddy.query.consistency.ProjectionPositions;
import dev.studybuddy.platform.deadletter.DeadLetterQueues;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class FriendshipsProcessorConfiguration {

    @Bean
    ConfigurerModule friendshipsAppliedOnce(ProjectionPositions positions) {
        return ApplyOnce.on(FriendshipsProjection.PROCESSING_GROUP, positions);
    }

    @Bean
    ConfigurerModule friendshipsDeadLetters(DeadLetterQueues queues) {
        return queues.on(FriendshipsProjection.PROCESSING_GROUP);
    }
}
