package dev.studybuddy.query.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studybuddy.query.support.QuerySideIT;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Autowired;

@QuerySideIT
class ProjectionRegistrationIT {

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    ListableBeanFactory beans;

    @Test
    void everyProjectionOfTheModuleIsFound() {
        assertThat(ProjectionRegistration.processingGroups(beans))
                .containsExactlyInAnyOrder("chat", "files", "friendships", "groups", "message-search", "users")
                .containsExactlyInAnyOrderElementsOf(
                        processing.eventProcessors().keySet());
    }

    @Test
    void everyProcessorAppliesEventsOnceAndParksWhatItCannotTake() {
        processing.eventProcessors().forEach((name, processor) -> {
            assertThat(processor.getHandlerInterceptors()).as(name).hasAtLeastOneElementOfType(ApplyOnce.class);
            assertThat(processing.deadLetterQueue(name)).as(name).isPresent();
        });
    }
}
