import com.zaxxer.hikari.HikariDataSource;
import dev.studybuddy.platform.eventstore.FastCoveringMongoTrackingToken;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.PostgresTokenTableFactory;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoTrackingToken;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * What a processor's token write costs with the event store's token as stored now (its look-back window in the compact
 * form) against the same window as a JSON object (axon-mongo's form, which the token had before), in the same run:
 * the bytes stored, serializing it, and storing it with Axon's JdbcTokenStore in the local PostgreSQL, for windows of
 * one second at 100, 200 and 400 events/s. Run by bench/token-store.
 */
public class TokenStores {

    private static final long LOOK_BACK_MILLIS = 1_000;
    private static final String TABLE = "bench_token_entry";

    public static void main(String[] args) throws Exception {
        List<Integer> windows = Arrays.stream(System.getProperty("windows", "100 200 400").trim().split("\\s+"))
                .map(Integer::valueOf)
                .toList();
        String url = System.getProperty("url", "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        try (Connection setup = DriverManager.getConnection(url); Statement statement = setup.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + TABLE);
        }
        TokenSchema schema = TokenSchema.builder().setTokenTable(TABLE).build();
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setMaximumPoolSize(2);
        // each write its own transaction, as a processor's batch is, without waiting for the disk: the commit's flush
        // is the same for both forms and would hide what the row itself costs
        pool.setConnectionInitSql("SET synchronous_commit = off");
        JdbcTokenStore store = JdbcTokenStore.builder()
                .connectionProvider(pool::getConnection)
                .schema(schema)
                .serializer(serializer)
                .contentType(byte[].class)
                .build();
        store.createSchema(PostgresTokenTableFactory.INSTANCE);

        System.out.printf("%-8s %-12s %10s %16s %14s%n", "window", "form", "bytes", "serialize µs", "store ms");
        for (int size : windows) {
            long now = System.currentTimeMillis();
            Map<String, Long> window = new LinkedHashMap<>();
            for (int i = 0; i < size; i++) {
                window.put(UUID.randomUUID().toString(), now - LOOK_BACK_MILLIS + i * LOOK_BACK_MILLIS / size);
            }
            TrackingToken json = MongoTrackingToken.of(Instant.ofEpochMilli(now), window);
            TrackingToken compact = FastCoveringMongoTrackingToken.restored(Instant.ofEpochMilli(now), window, LOOK_BACK_MILLIS);
            double[] before = measure(store, serializer, "json-" + size, json);
            double[] after = measure(store, serializer, "compact-" + size, compact);
            print(size, "json object", before);
            print(size, "compact", after);
            System.out.printf("%-8d %-12s %10.2fx %15.2fx %13.2fx%n", size, "ratio", before[0] / after[0],
                    before[1] / after[1], before[2] / after[2]);
        }
        try (Connection setup = DriverManager.getConnection(url); Statement statement = setup.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + TABLE);
        }
        pool.close();
    }

    /** bytes, serialize µs, store ms; each timed for about five seconds after a warm-up. */
    private static double[] measure(JdbcTokenStore store, JacksonSerializer serializer, String processor, TrackingToken token) {
        store.initializeTokenSegments(processor, 1);
        store.fetchToken(processor, 0);
        int bytes = serializer.serialize(token, byte[].class).getData().length;
        double serializeMicros = timed(() -> serializer.serialize(token, byte[].class), 1_000) * 1_000;
        double storeMillis = timed(() -> store.storeToken(token, processor, 0), 100);
        return new double[] {bytes, serializeMicros, storeMillis};
    }

    /** Mean ms per call after warm-up calls, over about five seconds. */
    private static double timed(Runnable call, int warmUp) {
        for (int i = 0; i < warmUp; i++) {
            call.run();
        }
        long start = System.nanoTime();
        long calls = 0;
        while (System.nanoTime() - start < 5_000_000_000L) {
            call.run();
            calls++;
        }
        return (System.nanoTime() - start) / 1e6 / calls;
    }

    private static void print(int size, String form, double[] figures) {
        System.out.printf("%-8d %-12s %10.0f %16.2f %14.3f%n", size, form, figures[0], figures[1], figures[2]);
    }
}
