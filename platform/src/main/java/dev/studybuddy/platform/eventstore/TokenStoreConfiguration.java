package dev.studybuddy.platform.eventstore;

import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Processor positions live in the service's own PostgreSQL schema, written through the same Spring
 * transaction as the rows a projection changes, so a row and the position that produced it commit
 * together. (JDBC rather than Axon's JPA token entity, whose {@code @Lob} maps to PostgreSQL large
 * objects; the table is created by Flyway.)
 */
@AutoConfiguration(
        after = DataSourceAutoConfiguration.class,
        beforeName = "org.axonframework.springboot.autoconfig.JpaAutoConfiguration")
@EnableConfigurationProperties(SegmentClaims.class)
public class TokenStoreConfiguration {

    public static final TokenSchema TOKEN_SCHEMA = TokenSchema.builder()
            .setTokenTable("token_entry")
            .setProcessorNameColumn("processor_name")
            .setSegmentColumn("segment")
            .setTokenColumn("token")
            .setTokenTypeColumn("token_type")
            .setTimestampColumn("timestamp")
            .setOwnerColumn("owner")
            .build();

    @Bean
    public ConnectionProvider axonConnectionProvider(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }

    @Bean
    public TokenStore tokenStore(
            ConnectionProvider axonConnectionProvider, Serializer serializer, SegmentClaims claims) {
        return JdbcTokenStore.builder()
                .connectionProvider(axonConnectionProvider)
                .serializer(serializer)
                .schema(TOKEN_SCHEMA)
                .contentType(byte[].class)
                .claimTimeout(claims.timeout())
                .build();
    }

    /**
     * Every pooled processor claims and extends its segments as {@link SegmentClaims} says, and:
     * <ul>
     *   <li>its coordinator extends the claims of the segments whose batch is still running (Axon's work package
     *       extends its claim only between batches). Without it, on a starved machine a batch that outlasted the
     *       claim timeout lost its segment to another node, was thrown away when its token could not be stored,
     *       and the segment balancer handed the segment back: in the growth benchmark's catch-up of a million
     *       events {@code chat} changed hands twice a minute. A claim now lapses when its node stops as a whole,
     *       which is what the claim timeout is there to detect;</li>
     *   <li>handles up to {@code studybuddy.processors.batch-size} events per transaction (Axon's default is one):
     *       a processor catching up or replaying writes its token once per batch instead of once per event, while
     *       a caught-up one still handles each event as soon as it arrives (a batch is what is there, not a wait);</li>
     *   <li>starts with {@code studybuddy.processors.segments} segments (Axon's default is 16), the most nodes
     *       that can share it. Each segment a node holds looks at every event (a Mongo token comparison over
     *       the look-back window's event ids), so a node pays per segment it holds, not per event it handles:
     *       16 segments on two nodes made a catching-up node spend most of its time comparing tokens. Each segment
     *       a node holds also runs a transaction of its own (token, positions) for its share of every batch, so
     *       2 segments, one per node of a pair, beat 4 (README "Benchmarks"). Only a processor's first start creates
     *       its segments.</li>
     * </ul>
     */
    @Bean
    public ConfigurerModule segmentClaimingAndBatches(
            SegmentClaims claims,
            @Value("${studybuddy.processors.batch-size:100}") int batchSize,
            @Value("${studybuddy.processors.segments:2}") int segments) {
        return configurer -> configurer.eventProcessing(
                processing -> processing.registerPooledStreamingEventProcessorConfiguration((configuration, builder) ->
                        builder.tokenClaimInterval(claims.interval().toMillis())
                                .claimExtensionThreshold(claims.extendAfter().toMillis())
                                .enableCoordinatorClaimExtension()
                                .batchSize(batchSize)
                                .initialSegmentCount(segments)));
    }
}
