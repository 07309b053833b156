package dev.studybuddy.system.growth;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.bson.Document;

/**
 * Where a message that some subscriber never got was lost, read from the stores right after its phase (before a replay
 * rebuilds the chat views): whether its event is in the store (and when it was stamped), whether the chat projection
 * wrote its view, and how far the projection's position in its group has moved. An event stored but not in the view
 * with the position behind it was never handled; a view written but no frame was a publishing loss.
 */
final class LostMessages implements AutoCloseable {

    /** A message the pipeline's senders had answered with 201. */
    record Sent(String group, String messageId, long seq, Instant answeredAt) {}

    private final MongoClient mongo;
    private final MongoDatabase database;
    private final Connection postgres;

    LostMessages(String mongoUri, String databaseName, String databaseUrl) throws SQLException {
        this.mongo = MongoClients.create(mongoUri);
        this.database = mongo.getDatabase(databaseName);
        this.postgres = DriverManager.getConnection(databaseUrl, "postgres", "");
    }

    String whereLost(Sent sent) throws SQLException {
        Document event = database.getCollection("domainevents")
                .find(Filters.and(
                        Filters.eq("aggregateIdentifier", sent.group()), Filters.eq("sequenceNumber", sent.seq())))
                .first();
        Document view = database.getCollection("chat_messages")
                .find(Filters.eq("messageId", sent.messageId()))
                .first();
        return "group " + sent.group() + " seq " + sent.seq() + " message " + sent.messageId() + " answered at "
                + sent.answeredAt() + "; event "
                + (event == null
                        ? "not stored"
                        : "stamped " + event.get("timestamp") + " id " + event.get("eventIdentifier"))
                + "; view " + (view == null ? "not written" : "written") + "; chat position in the group "
                + chatPosition(sent.group());
    }

    private long chatPosition(String group) throws SQLException {
        try (PreparedStatement query = postgres.prepareStatement("SELECT sequence FROM readmodel.projection_positions"
                + " WHERE processing_group = 'chat' AND aggregate_id = ?")) {
            query.setString(1, group);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getLong(1) : -1;
            }
        }
    }

    @Override
    public void close() throws SQLException {
        mongo.close();
        postgres.close();
    }
}
