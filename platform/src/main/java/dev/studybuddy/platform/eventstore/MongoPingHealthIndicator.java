package dev.studybuddy.platform.eventstore;

import com.mongodb.client.MongoClient;
import org.bson.Document;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * MongoDB health by {@code ping}, the command every MongoDB-compatible server answers (Spring Boot's
 * own indicator asks {@code hello}, which only MongoDB 4.4.2 and later know).
 */
class MongoPingHealthIndicator extends AbstractHealthIndicator {

    private final MongoClient mongoClient;
    private final String database;

    MongoPingHealthIndicator(MongoClient mongoClient, String database) {
        super("MongoDB health check failed");
        this.mongoClient = mongoClient;
        this.database = database;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document answer = mongoClient.getDatabase(database).runCommand(new Document("ping", 1));
        builder.up().withDetail("database", database).withDetail("ok", answer.get("ok"));
    }
}
