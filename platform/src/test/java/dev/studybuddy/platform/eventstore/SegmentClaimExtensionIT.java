package dev.studybuddy.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.PostgresTokenTableFactory;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A batch that takes longer than the claim timeout keeps its segment: the processor's coordinator extends the claim
 * while the batch runs, so another node cannot take the segment over from a node that is alive but slow. Pooled
 * processors on Axon's configuration, their tokens on the local PostgreSQL.
 */
class SegmentClaimExtensionIT {

    private static final String SERVER =
            System.getenv().getOrDefault("TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String USER = System.getenv().getOrDefault("TEST_POSTGRES_USER", "postgres");
    private static final SegmentClaims CLAIMS =
            new SegmentClaims(Duration.ofMillis(1500), Duration.ofMillis(200), Duration.ofMillis(500));
    private static final String PROCESSOR = "long-batches";

    private final String table =
            "claim_extension_it_" + UUID.randomUUID().toString().replace("-", "");
    private final CountDownLatch batchStarted = new CountDownLatch(1);
    private final CountDownLatch batchMayEnd = new CountDownLatch(1);
    private DriverManagerDataSource dataSource;
    private TransactionManager transactions;
    private Configuration axon;

    @BeforeEach
    void createTokenTable() {
        dataSource = new DriverManagerDataSource(SERVER + "postgres", USER, "");
        transactions = new SpringTransactionManager(new DataSourceTransactionManager(dataSource));
        transactions.executeInTransaction(() -> tokenStore("setup").createSchema(PostgresTokenTableFactory.INSTANCE));
    }

    @AfterEach
    void dropTokenTable() {
        batchMayEnd.countDown();
        if (axon != null) {
            axon.shutdown();
        }
        new JdbcTemplate(dataSource).execute("DROP TABLE IF EXISTS " + table);
    }

    @Test
    void aBatchLongerThanTheClaimTimeoutKeepsItsSegment() throws Exception {
        startProcessorWith(new TokenStoreConfiguration().segmentClaimingAndBatches(CLAIMS, 100, 1));

        waitPastTheClaimTimeoutInsideABatch();

        assertThatThrownBy(() -> transactions.executeInTransaction(
                        () -> tokenStore("other-node").fetchToken(PROCESSOR, 0)))
                .isInstanceOf(UnableToClaimTokenException.class);
        assertThat(owner()).isEqualTo("this-node");
    }

    /** What the coordinator's extension is for: Axon's work package alone extends its claim only between batches. */
    @Test
    void withoutTheCoordinatorsExtensionAnotherNodeTakesTheSegmentOfALongBatch() throws Exception {
        startProcessorWith(configurer -> configurer.eventProcessing(
                processing -> processing.registerPooledStreamingEventProcessorConfiguration((configuration, builder) ->
                        builder.tokenClaimInterval(CLAIMS.interval().toMillis())
                                .claimExtensionThreshold(CLAIMS.extendAfter().toMillis())
                                .initialSegmentCount(1))));

        waitPastTheClaimTimeoutInsideABatch();

        transactions.executeInTransaction(() -> tokenStore("other-node").fetchToken(PROCESSOR, 0));

        assertThat(owner()).isEqualTo("other-node");
    }

    private void startProcessorWith(ConfigurerModule claiming) {
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(configuration -> new InMemoryEventStorageEngine())
                .configureTransactionManager(configuration -> transactions);
        claiming.configureModule(configurer);
        configurer
                .eventProcessing()
                .registerPooledStreamingEventProcessor(PROCESSOR)
                .registerTokenStore(PROCESSOR, configuration -> tokenStore("this-node"))
                .registerEventHandler(configuration -> new LongBatchHandler())
                .byDefaultAssignTo(PROCESSOR);
        axon = configurer.start();
        axon.eventBus().publish(GenericEventMessage.asEventMessage("an event that takes long to handle"));
    }

    private void waitPastTheClaimTimeoutInsideABatch() throws InterruptedException {
        assertThat(batchStarted.await(10, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(CLAIMS.timeout().multipliedBy(2).toMillis());
    }

    private String owner() {
        return new JdbcTemplate(dataSource)
                .queryForObject(
                        "SELECT owner FROM " + table + " WHERE processorName = ? AND segment = 0",
                        String.class,
                        PROCESSOR);
    }

    private JdbcTokenStore tokenStore(String node) {
        return JdbcTokenStore.builder()
                .connectionProvider(new UnitOfWorkAwareConnectionProviderWrapper(
                        new SpringDataSourceConnectionProvider(dataSource)))
                .serializer(JacksonSerializer.defaultSerializer())
                .schema(TokenSchema.builder().setTokenTable(table).build())
                .contentType(byte[].class)
                .claimTimeout(CLAIMS.timeout())
                .nodeId(node)
                .build();
    }

    private class LongBatchHandler {

        @EventHandler
        void on(String event) throws InterruptedException {
            batchStarted.countDown();
            batchMayEnd.await(10, TimeUnit.SECONDS);
        }
    }
}
