package dev.studybuddy.platform.eventstore;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;

/**
 * Processor positions live in the service's own PostgreSQL schema, written through the same Spring
 * transaction as the rows a projection changes, so a row and the position that produced it commit
 * together. (JDBC rather than Axon's JPA token entity, whose {@code @Lob} maps to PostgreSQL large
 * objects; the table is created by Flyway.)
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class,
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
    public TokenStore tokenStore(ConnectionProvider axonConnectionProvider, Serializer serializer, SegmentClaims claims) {
        return JdbcTokenStore.builder()
                .connectionProvider(axonConnectionProvider)
                .serializer(serializer)
                .schema(TOKEN_SCHEMA)
                .contentType(byte[].class)
                .claimTimeout(claims.timeout())
                .build();
    }

    /** Every pooled processor claims and extends its segments as {@link SegmentClaims} says. */
    @Bean
    public ConfigurerModule segmentClaiming(SegmentClaims claims) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerPooledStreamingEventProcessorConfiguration((configuration, builder) -> builder
                        .tokenClaimInterval(claims.interval().toMillis())
                        .claimExtensionThreshold(claims.extendAfter().toMillis())));
    }
}
