package dev.studybuddy.system.growth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.studybuddy.platform.audit.AuditProperties;
import dev.studybuddy.platform.eventstore.MongoEventStoreConfiguration;
import dev.studybuddy.platform.personaldata.PersonalDataConfiguration;
import dev.studybuddy.platform.personaldata.PersonalDataKeys;
import dev.studybuddy.platform.personaldata.PersonalDataProperties;
import java.time.Duration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * The event store as every service builds it: the same {@link MongoEventStoreConfiguration} bean methods
 * (axon-mongo's engine, one document per event, wrapped in the hash chain), and the same event serializer, from
 * {@link PersonalDataConfiguration}'s bean methods: Axon's Jackson serializer on a copy of Spring Boot's
 * {@link ObjectMapper} with the personal data module, so names and message bodies are sealed with each user's key
 * (created here as command-side creates them, wrapped with {@code STUDYBUDDY_PD_KEK}, which the services must then be
 * given too; docs/adr/0019). So what the seeder appends is what the services would have appended.
 */
final class ServiceEventStore implements AutoCloseable {

    private final MongoClient client;
    private final EventStorageEngine engine;

    ServiceEventStore(String mongoUri, String database) {
        client = MongoClients.create(mongoUri);
        MongoProperties properties = new MongoProperties();
        properties.setUri(mongoUri);
        properties.setDatabase(database);
        PersonalDataConfiguration personalData = new PersonalDataConfiguration();
        PersonalDataKeys keys = personalData.personalDataKeys(
                client,
                properties,
                new PersonalDataProperties(
                        keyEncryptionKey(), true, "personal_data_keys", Duration.ofMinutes(5), 100_000));
        Serializer eventSerializer = personalData.eventSerializer(
                springBootObjectMapper(),
                new StaticListableBeanFactory().getBeanProvider(RevisionResolver.class),
                keys);
        MongoEventStoreConfiguration configuration = new MongoEventStoreConfiguration();
        MongoTemplate template = configuration.axonMongoTemplate(client, properties);
        engine = configuration.engineWithoutLateAppendReport(
                template,
                configuration.storedEvents(template, new AuditProperties(500)),
                eventSerializer,
                new StaticListableBeanFactory().getBeanProvider(EventUpcaster.class),
                MongoEventStoreConfiguration.DEFAULT_FETCH_BATCH_SIZE);
    }

    private static String keyEncryptionKey() {
        String kek = System.getenv("STUDYBUDDY_PD_KEK");
        if (kek == null || kek.isBlank()) {
            throw new IllegalStateException(
                    "STUDYBUDDY_PD_KEK is not set: the services' key-encryption key (docs/adr/0019)");
        }
        return kek;
    }

    EventStorageEngine engine() {
        return engine;
    }

    /** Spring Boot's auto-configured ObjectMapper, which the services have (none of them customizes it). */
    private static ObjectMapper springBootObjectMapper() {
        try (AnnotationConfigApplicationContext context =
                new AnnotationConfigApplicationContext(JacksonAutoConfiguration.class)) {
            return context.getBean(ObjectMapper.class);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
