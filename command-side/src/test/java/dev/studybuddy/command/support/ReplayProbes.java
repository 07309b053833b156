package dev.studybuddy.command.support;

import dev.studybuddy.api.user.UserRegisteredEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Two handlers in one test processor: one that replays, and one that must stay silent during a replay. */
@Configuration
public class ReplayProbes {

    public static final String PROCESSING_GROUP = "replay-probe";

    @Bean
    Replayable replayable() {
        return new Replayable();
    }

    @Bean
    LiveOnly liveOnly() {
        return new LiveOnly();
    }

    @ProcessingGroup(PROCESSING_GROUP)
    public static class Replayable {

        public final List<String> eventIds = new CopyOnWriteArrayList<>();
        public final AtomicInteger resets = new AtomicInteger();

        @EventHandler
        void on(UserRegisteredEvent event, EventMessage<?> message) {
            eventIds.add(message.getIdentifier());
        }

        @ResetHandler
        void reset() {
            eventIds.clear();
            resets.incrementAndGet();
        }
    }

    @ProcessingGroup(PROCESSING_GROUP)
    @DisallowReplay
    public static class LiveOnly {

        public final List<String> eventIds = new CopyOnWriteArrayList<>();

        @EventHandler
        void on(UserRegisteredEvent event, EventMessage<?> message) {
            eventIds.add(message.getIdentifier());
        }
    }
}
