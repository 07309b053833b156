package dev.studybuddy.query.chat;

import dev.studybuddy.platform.eventstore.SegmentClaims;
import dev.studybuddy.query.projection.NodeIdentity;
import java.time.Clock;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The chat processor keeps its tokens in MongoDB, next to the views it writes (docs/architecture.md#read-side), claimed
 * per node so that several query-side nodes split its segments. Like every projection's
 * ({@code ProjectionRegistration}), its positions for read-your-writes go to PostgreSQL through ApplyOnce, so a token
 * from {@code POST …/messages} works, and an event the views cannot take is parked in PostgreSQL's dead-letter queue;
 * a MongoDB that does not answer is not a reason to park, the batch is retried ({@code ParkUnlessTransient}). A batch's
 * token is stored once that PostgreSQL work has committed ({@link TokenStoredAfterCommit}).
 */
@Configuration
class ChatProcessorConfiguration {

    @Bean
    ConfigurerModule chatTokenStore(
            MongoTemplate axonMongoTemplate, Serializer serializer, NodeIdentity node, SegmentClaims claims) {
        return configurer -> configurer.eventProcessing(processing -> processing.registerTokenStore(
                ChatProjection.PROCESSING_GROUP,
                configuration -> new TokenStoredAfterCommit(
                        MongoTokenStore.builder()
                                .mongoTemplate(axonMongoTemplate)
                                .serializer(serializer)
                                .nodeId(node.id())
                                .claimTimeout(claims.timeout())
                                .build(),
                        claims.extendAfter(),
                        Clock.systemUTC())));
    }
}
