package dev.studybuddy.system.growth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.studybuddy.platform.audit.AuditProperties;
import dev.studybuddy.platform.eventstore.MongoEventStoreConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * The event store as every service builds it: the same {@link MongoEventStoreConfiguration} bean methods
 * (axon-mongo's engine, one document per event, wrapped in the hash chain), and the event serializer that
 * Axon's auto-configuration makes for {@code axon.serializer.events: jackson} (a {@link JacksonSerializer}
 * on Spring Boot's {@link ObjectMapper}, annotation revisions, a chaining converter). So what the seeder
 * appends is byte for byte what the services would have appended.
 */
final class ServiceEventStore implements AutoCloseable {

    private final MongoClient client;
    private final EventStorageEngine engine;

    ServiceEventStore(String mongoUri, String database) {
        client = MongoClients.create(mongoUri);
        MongoProperties properties = new MongoProperties();
        properties.setUri(mongoUri);
        properties.setDatabase(database);
        Serializer eventSerializer = JacksonSerializer.builder()
                .revisionResolver(new AnnotationRevisionResolver())
                .converter(new ChainingConverter(ServiceEventStore.class.getClassLoader()))
                .objectMapper(springBootObjectMapper())
                .build();
        MongoEventStoreConfiguration configuration = new MongoEventStoreConfiguration();
        MongoTemplate template = configuration.axonMongoTemplate(client, properties);
        engine = configuration.eventStorageEngine(
                template,
                configuration.storedEvents(template, new AuditProperties(500)),
                eventSerializer,
                new StaticListableBeanFactory().getBeanProvider(EventUpcaster.class));
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
