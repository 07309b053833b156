package dev.studybuddy.query.consistency;

import dev.studybuddy.platform.deadletter.DeadLetterQueues;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every event processor of query-side is a projection, and every projection gets the same three things: it
 * applies each aggregate's event once and records how far it got ({@link ApplyOnce}), it parks an
 * event it cannot take in its dead-letter queue instead of stalling ({@link DeadLetterQueues}), and the writes its
 * handlers keep for the batch ({@link BatchedWrites}) are made when the batch's last event has been handled
 * ({@link WritesAtBatchEnd}). So a new
 * projection is a {@code @Component} with a {@code @ProcessingGroup} and nothing else to register; it still
 * forgets its positions in its {@code @ResetHandler}.
 */
@Configuration
class ProjectionRegistration {

    @Bean
    ConfigurerModule projectionsAppliedOnceWithDeadLetters(
            ListableBeanFactory beans, ProjectionPositions positions, DeadLetterQueues queues) {
        return configurer -> processingGroups(beans).forEach(group -> {
            WritesAtBatchEnd.on(group).configureModule(configurer);
            ApplyOnce.on(group, positions).configureModule(configurer);
            queues.on(group).configureModule(configurer);
        });
    }

    /** Read from the bean definitions, so that no projection is created before Axon is configured. */
    static Set<String> processingGroups(ListableBeanFactory beans) {
        return Arrays.stream(beans.getBeanNamesForAnnotation(ProcessingGroup.class))
                .map(name -> beans.findAnnotationOnBean(name, ProcessingGroup.class))
                .filter(Objects::nonNull)
                .map(ProcessingGroup::value)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
