package dev.studybuddy.platform.eventstore;

import com.mongodb.client.MongoClient;
import dev.studybuddy.platform.audit.AuditProperties;
import dev.studybuddy.platform.audit.StoredEvents;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The one event store every service shares: axon-mongo's storage engine, one document per event,
 * wired by hand because axon-mongo has no Spring Boot starter for Axon 4.12 (docs/architecture.md#versions).
 * The services only ever see a {@link MongoClient} built from {@code MONGODB_URI}. Every appended
 * domain event is chained to its predecessor by a hash in its metadata (tamper evidence, see
 * {@link HashChainingEventStorageEngine}); {@link StoredEvents} reads the stored documents for audits. An append
 * stored later after its events' timestamps than the tracking look-back window is reported
 * ({@link LateAppendDetectingEngine}).
 */
@AutoConfiguration(
        after = MongoAutoConfiguration.class,
        beforeName = {
            "org.axonframework.springboot.autoconfig.AxonAutoConfiguration",
            "org.springframework.boot.actuate.autoconfigure.data.mongo.MongoHealthContributorAutoConfiguration"
        })
@EnableConfigurationProperties(AuditProperties.class)
public class MongoEventStoreConfiguration {

    /** How far back a tracking poll looks for events appended late (axon-mongo's default). */
    static final Duration MONGO_LOOK_BACK = Duration.ofSeconds(1);

    /**
     * The most events one query of a tracking stream or an aggregate's history returns (axon-mongo's default). Each
     * query of a stream behind the head also reads the look-back window's events again, so larger batches spread
     * that over more events.
     */
    public static final int DEFAULT_FETCH_BATCH_SIZE = 100;

    @Bean
    public MongoTemplate axonMongoTemplate(MongoClient mongoClient, MongoProperties mongoProperties) {
        return DefaultMongoTemplate.builder()
                .mongoDatabase(mongoClient, mongoProperties.getMongoClientDatabase())
                .build();
    }

    /** Named so that it takes the place of Spring Boot's MongoDB health indicator. */
    @Bean(name = "mongoHealthIndicator")
    public HealthIndicator mongoHealthIndicator(MongoClient mongoClient, MongoProperties mongoProperties) {
        return new MongoPingHealthIndicator(mongoClient, mongoProperties.getMongoClientDatabase());
    }

    /**
     * Axon's embedded event store, as its auto-configuration builds it, but looking for events that other
     * processes appended every {@code studybuddy.event-store.fetch-delay} (Axon's default is a second,
     * which every live update from command-side to the WebSocket nodes would wait for).
     */
    @Qualifier("eventStore")
    @Bean(name = "eventBus")
    public PromptEventStore eventStore(
            EventStorageEngine storageEngine,
            Configuration configuration,
            @Value("${studybuddy.event-store.fetch-delay:100ms}") Duration fetchDelay) {
        return PromptEventStore.over(
                storageEngine,
                builder -> builder.messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                        .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                        .fetchDelay(fetchDelay.toMillis()));
    }

    /** Streaming processors read the store through {@link EventArrivalSignal}, so they hear of new events at once. */
    @Bean
    public ConfigurerModule processorsHearOfNewEventsAtOnce() {
        return configurer -> {
            AtomicReference<EventArrivalSignal> made = new AtomicReference<>();
            configurer.eventProcessing(
                    processing -> processing.configureDefaultStreamableMessageSource(configuration -> {
                        EventArrivalSignal signal = new EventArrivalSignal(configuration.eventStore());
                        made.set(signal);
                        return signal;
                    }));
            configurer.onShutdown(() -> Optional.ofNullable(made.get()).ifPresent(EventArrivalSignal::close));
        };
    }

    @Bean
    public StoredEvents storedEvents(MongoTemplate axonMongoTemplate, AuditProperties properties) {
        return new StoredEvents(axonMongoTemplate, properties.batchSize());
    }

    @Bean
    public EventStorageEngine eventStorageEngine(
            MongoTemplate axonMongoTemplate,
            StoredEvents storedEvents,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            ObjectProvider<EventUpcaster> upcasters,
            ObjectProvider<MeterRegistry> meterRegistry,
            @Value("${studybuddy.eventstore.fetch-batch-size:" + DEFAULT_FETCH_BATCH_SIZE + "}") int fetchBatchSize) {
        return new LateAppendDetectingEngine(
                engineWithoutLateAppendReport(
                        axonMongoTemplate, storedEvents, eventSerializer, upcasters, fetchBatchSize),
                MONGO_LOOK_BACK,
                meterRegistry.getIfAvailable(SimpleMeterRegistry::new),
                Clock.systemUTC());
    }

    /**
     * The engine without the report of late appends: for a tool that writes a history whose timestamps are in the
     * past by design (the growth benchmark's seeder), into a store no processor is reading yet.
     */
    public EventStorageEngine engineWithoutLateAppendReport(
            MongoTemplate axonMongoTemplate,
            StoredEvents storedEvents,
            Serializer eventSerializer,
            ObjectProvider<EventUpcaster> upcasters,
            int fetchBatchSize) {
        List<EventUpcaster> ordered = upcasters.orderedStream().toList();
        MongoEventStorageEngine engine = new FinalBatchAwareMongoEventStorageEngine(MongoEventStorageEngine.builder()
                .mongoTemplate(axonMongoTemplate)
                .batchSize(fetchBatchSize)
                .storageStrategy(
                        new WindowSharingStorageStrategy(EventEntryConfiguration.getDefault(), MONGO_LOOK_BACK))
                // snapshots too: a personal field an aggregate may keep is sealed like the events' (docs/adr/0019)
                .snapshotSerializer(eventSerializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(new EventUpcasterChain(ordered)));
        return new HashChainingEventStorageEngine(
                new CoveringHeadTokenEngine(engine, storedEvents::newestTimestamp, MONGO_LOOK_BACK),
                eventSerializer,
                HashChainingEventStorageEngine.StoredEventLookup.of(storedEvents));
    }
}
