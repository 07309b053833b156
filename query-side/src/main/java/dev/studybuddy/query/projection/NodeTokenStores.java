package dev.studybuddy.query.projection;

import dev.studybuddy.platform.eventstore.SegmentClaims;
import dev.studybuddy.platform.eventstore.TokenStoreConfiguration;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.serialization.Serializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The PostgreSQL-token processors (users, friendships, groups, files, message-search) claim their segments as this node
 * ({@link NodeIdentity}): the platform's token store, with the node's name as owner. (Left on the platform's
 * store, a processor claims as the JVM, and two nodes in one JVM would both take its segments.)
 */
@Configuration
class NodeTokenStores {

    static final String[] JDBC_PROCESSORS = {"users", "friendships", "groups", "files", "message-search"};

    @Bean
    ConfigurerModule nodeOwnedTokens(
            ConnectionProvider axonConnectionProvider, Serializer serializer, NodeIdentity node, SegmentClaims claims) {
        return configurer -> configurer.eventProcessing(processing -> {
            for (String processor : JDBC_PROCESSORS) {
                processing.registerTokenStore(
                        processor,
                        configuration -> JdbcTokenStore.builder()
                                .connectionProvider(axonConnectionProvider)
                                .serializer(serializer)
                                .schema(TokenStoreConfiguration.TOKEN_SCHEMA)
                                .contentType(byte[].class)
                                .nodeId(node.id())
                                .claimTimeout(claims.timeout())
                                .build());
            }
        });
    }
}
