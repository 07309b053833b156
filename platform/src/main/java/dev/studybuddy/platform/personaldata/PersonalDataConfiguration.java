package dev.studybuddy.platform.personaldata;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Personal data in events is sealed per user (docs/adr/0019-erasure-by-crypto-shredding.md): the event serializer of
 * every service is Axon's Jackson serializer on a copy of the application's object mapper with the
 * {@link PersonalDataModule}, so the REST API, the commands and everything else serialize as before. Keys come from
 * {@link PersonalDataKeys}; each node forgets an erased user's key as soon as it hears of the erasure (the security
 * stamps' announcements, see SecurityStampConfiguration).
 */
@AutoConfiguration(
        after = {MongoAutoConfiguration.class, JacksonAutoConfiguration.class},
        beforeName = {
            "org.axonframework.springboot.autoconfig.AxonAutoConfiguration",
            "dev.studybuddy.platform.eventstore.MongoEventStoreConfiguration"
        })
@EnableConfigurationProperties(PersonalDataProperties.class)
public class PersonalDataConfiguration {

    @Bean
    public PersonalDataKeys personalDataKeys(
            MongoClient mongoClient, MongoProperties mongoProperties, PersonalDataProperties properties) {
        return new PersonalDataKeys(mongoClient.getDatabase(mongoProperties.getMongoClientDatabase()), properties);
    }

    @Bean
    public ErasedAuthors erasedAuthors(PersonalDataKeys keys) {
        return new ErasedAuthors(keys);
    }

    /** Takes the place of Axon's own event serializer (which would share the application's object mapper). */
    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer(
            ObjectMapper objectMapper, ObjectProvider<RevisionResolver> revisionResolver, PersonalDataKeys keys) {
        ObjectMapper events = objectMapper.copy().registerModule(new PersonalDataModule(keys));
        return JacksonSerializer.builder()
                .objectMapper(events)
                .revisionResolver(revisionResolver.getIfAvailable(AnnotationRevisionResolver::new))
                .build();
    }
}
