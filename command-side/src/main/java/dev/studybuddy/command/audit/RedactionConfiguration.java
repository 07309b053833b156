package dev.studybuddy.command.audit;

import com.mongodb.client.MongoClient;
import dev.studybuddy.platform.audit.PlainTextRedaction;
import dev.studybuddy.platform.personaldata.PersonalDataKeys;
import dev.studybuddy.platform.personaldata.PlainFields;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The redaction of personal fields stored in clear text (docs/adr/0019), over the event store it rewrites. */
@Configuration
class RedactionConfiguration {

    @Bean
    PlainTextRedaction plainTextRedaction(
            MongoTemplate axonMongoTemplate,
            MongoClient mongoClient,
            MongoProperties mongoProperties,
            PersonalDataKeys keys) {
        return new PlainTextRedaction(
                axonMongoTemplate,
                mongoClient.getDatabase(mongoProperties.getMongoClientDatabase()),
                new PlainFields(keys));
    }
}
