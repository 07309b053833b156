package dev.studybuddy.query.file;

import dev.studybuddy.query.consistency.ApplyOnce;
import dev.studybuddy.query.consistency.ProjectionPositions;
import dev.studybuddy.platform.deadletter.DeadLetterQueues;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class FilesProcessorConfiguration {

    @Bean
    ConfigurerModule filesAppliedOnce(ProjectionPositions positions) {
        return ApplyOnce.on(FilesProjection.PROCESSING_GROUP, positions);
    }

    @Bean
    ConfigurerModule filesDeadLetters(DeadLetterQueues queues) {
        return queues.on(FilesProjection.PROCESSING_GROUP);
    }
}
