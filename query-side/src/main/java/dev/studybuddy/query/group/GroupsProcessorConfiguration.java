package dev.studybuddy.query.group;

import dev.studybuddy.query.consistency.ApplyOnce;
import dev.studybuddy.query.consistency.ProjectionPositions;
import dev.studybuddy.platform.deadletter.DeadLetterQueues;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class GroupsProcessorConfiguration {

    @Bean
    ConfigurerModule groupsAppliedOnce(ProjectionPositions positions) {
        return ApplyOnce.on(GroupsProjection.PROCESSING_GROUP, positions);
    }

    @Bean
    ConfigurerModule groupsDeadLetters(DeadLetterQueues queues) {
        return queues.on(GroupsProjection.PROCESSING_GROUP);
    }
}
