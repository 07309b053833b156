package dev.studybuddy.query.chat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.studybuddy.api.user.UserErasedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.stereotype.Component;

/**
 * An erased user's messages keep their place in every conversation, without their bodies (docs/adr/0019): a replay
 * leaves them the same, since their events' bodies read as nothing once the user's key is destroyed. Part of the
 * chat views' processing group, so it is applied in order with the messages it blanks.
 */
@Component
@ProcessingGroup(ChatProjection.PROCESSING_GROUP)
class ChatErasure {

    private final MongoClient mongoClient;
    private final String database;

    ChatErasure(MongoClient mongoClient, MongoProperties mongoProperties) {
        this.mongoClient = mongoClient;
        this.database = mongoProperties.getMongoClientDatabase();
    }

    @EventHandler
    void on(UserErasedEvent event) {
        mongoClient
                .getDatabase(database)
                .getCollection(ChatViews.MESSAGES, Document.class)
                .updateMany(
                        Filters.and(Filters.eq("senderId", event.userId().toString()), Filters.ne("body", null)),
                        Updates.set("body", null));
    }
}
