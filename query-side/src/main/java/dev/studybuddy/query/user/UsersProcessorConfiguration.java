package dev.studybuddy.query.user;

import dev.studybuddy.query.consistency.ApplyOnce;
import dev.studybuddy.query.consistency.ProjectionPositions;
import dev.studybuddy.platform.deadletter.DeadLetterQueues;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class UsersProcessorConfiguration {

    @Bean
    ConfigurerModule usersAppliedOnce(ProjectionPositions positions) {
        return ApplyOnce.on(UsersProjection.PROCESSING_GROUP, positions);
    }

    @Bean
    ConfigurerModule usersDeadLetters(DeadLetterQueues queues) {
        return queues.on(UsersProjection.PROCESSING_GROUP);
    }
}
