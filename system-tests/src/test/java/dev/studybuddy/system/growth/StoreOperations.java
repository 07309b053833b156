package dev.studybuddy.system.growth;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;

/**
 * The operations the stores have served, read from the stores themselves: MongoDB's {@code serverStatus.opcounters}
 * and the documents and index keys its queries examined ({@code metrics.queryExecutor.scannedObjects}, whose count
 * per message must not grow with the history, and {@code scanned}),
 * PostgreSQL's transactions in the system's database ({@code pg_stat_database}) and Redis's commands
 * ({@code INFO stats}). Two readings around a phase, divided by the messages it sent, are what one message costs in
 * operations: counts, which do not drift with the machine's speed as times and CPU do. PostgreSQL publishes a busy
 * backend's counts about once a second, so a reading lags by up to a second of work.
 */
final class StoreOperations {

    private final String mongoUri;
    private final String databaseUrl;
    private final String redisUri;

    StoreOperations(String mongoUri, String databaseUrl, String redisUri) {
        this.mongoUri = mongoUri;
        this.databaseUrl = databaseUrl;
        this.redisUri = redisUri;
    }

    /** The counters now, each under the name the results print it as. */
    Map<String, Long> read() {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (MongoClient mongo = MongoClients.create(mongoUri)) {
            Document status = mongo.getDatabase("admin").runCommand(new Document("serverStatus", 1));
            Document opcounters = status.get("opcounters", Document.class);
            for (String kind : new String[] {"insert", "query", "update", "delete", "getmore", "command"}) {
                counts.put("mongo." + kind, ((Number) opcounters.get(kind)).longValue());
            }
            Document queryExecutor = status.get("metrics", Document.class).get("queryExecutor", Document.class);
            counts.put("mongo.scannedObjects", ((Number) queryExecutor.get("scannedObjects")).longValue());
            if (queryExecutor.get("scanned")
                    instanceof Number keys) { // a stand-in from before it counted keys has none
                counts.put("mongo.scanned", keys.longValue());
            }
        }
        counts.put("postgres.transactions", postgresTransactions());
        RedisClient redis = RedisClient.create(redisUri);
        try (StatefulRedisConnection<String, String> connection = redis.connect()) {
            counts.put(
                    "redis.commands",
                    Long.parseLong(connection
                            .sync()
                            .info("stats")
                            .lines()
                            .filter(line -> line.startsWith("total_commands_processed:"))
                            .findFirst()
                            .orElseThrow()
                            .substring("total_commands_processed:".length())
                            .trim()));
        } finally {
            redis.shutdown();
        }
        return counts;
    }

    private long postgresTransactions() {
        try (Connection connection = DriverManager.getConnection(databaseUrl, "postgres", "");
                ResultSet row = connection
                        .createStatement()
                        .executeQuery("SELECT xact_commit + xact_rollback FROM pg_stat_database"
                                + " WHERE datname = current_database()")) {
            row.next();
            return row.getLong(1);
        } catch (SQLException failed) {
            throw new IllegalStateException("could not read pg_stat_database at " + databaseUrl, failed);
        }
    }
}
