package dev.studybuddy.notification.config;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSchema;
import org.axonframework.serialization.Serializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Sagas are stored in this service's PostgreSQL schema through the same connection provider as the token
 * store, so a saga's new state, the notifications it wrote and its processor's position commit in one
 * transaction. (ADR 0002: not MongoSagaStore; a Mongo saga store could not share that transaction, and
 * the outbox would then be able to lose or repeat a notification. The tables are created by Flyway.) A saga's row is
 * locked while it is handled ({@link LockingSagaStore}), so that nodes handling it at once do not undo each other.
 */
@Configuration(proxyBeanMethods = false)
class SagaStoreConfiguration {

    static final SagaSchema SAGA_SCHEMA = SagaSchema.builder()
            .sagaEntryTable("saga_entry")
            .associationValueEntryTable("association_value_entry")
            .sagaIdColumn("saga_id")
            .revisionColumn("revision")
            .sagaTypeColumn("saga_type")
            .serializedSagaColumn("serialized_saga")
            .associationKeyColumn("association_key")
            .associationValueColumn("association_value")
            .build();

    @Bean
    SagaStore<Object> sagaStore(ConnectionProvider axonConnectionProvider, Serializer serializer, JdbcTemplate jdbc) {
        return new LockingSagaStore(
                JdbcSagaStore.builder()
                        .connectionProvider(axonConnectionProvider)
                        .sqlSchema(new PostgresSagaSqlSchema(SAGA_SCHEMA))
                        .serializer(serializer)
                        .build(),
                jdbc,
                SAGA_SCHEMA);
    }
}
