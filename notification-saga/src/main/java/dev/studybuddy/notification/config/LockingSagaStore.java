package dev.studybuddy.notification.config;

import java.util.Set;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.AssociationValues;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.SagaSchema;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Axon's saga store with the saga's row locked for update when it is loaded, until the loading transaction ends.
 * Axon keeps one saga from running twice at once only within one JVM; with several notification-saga nodes, a
 * deadline may run on another node than the one whose processor handles the saga's events, and each wrote back the
 * saga as it had loaded it: the later commit undid the other's change (a rescheduled session reminded at its old
 * time, a request reminded after it was accepted). Loads from an event batch and from a deadline now wait for each
 * other and see each other's state.
 */
final class LockingSagaStore implements SagaStore<Object> {

    private final SagaStore<Object> delegate;
    private final JdbcTemplate jdbc;
    private final String lockQuery;

    LockingSagaStore(SagaStore<Object> delegate, JdbcTemplate jdbc, SagaSchema schema) {
        this.delegate = delegate;
        this.jdbc = jdbc;
        this.lockQuery =
                "SELECT 1 FROM " + schema.sagaEntryTable() + " WHERE " + schema.sagaIdColumn() + " = ? FOR UPDATE";
    }

    @Override
    public <S> Entry<S> loadSaga(Class<S> sagaType, String sagaIdentifier) {
        jdbc.queryForList(lockQuery, sagaIdentifier);
        return delegate.loadSaga(sagaType, sagaIdentifier);
    }

    @Override
    public Set<String> findSagas(Class<?> sagaType, AssociationValue associationValue) {
        return delegate.findSagas(sagaType, associationValue);
    }

    @Override
    public void deleteSaga(Class<?> sagaType, String sagaIdentifier, Set<AssociationValue> associationValues) {
        delegate.deleteSaga(sagaType, sagaIdentifier, associationValues);
    }

    @Override
    public void insertSaga(
            Class<?> sagaType, String sagaIdentifier, Object saga, Set<AssociationValue> associationValues) {
        delegate.insertSaga(sagaType, sagaIdentifier, saga, associationValues);
    }

    @Override
    public void updateSaga(Class<?> sagaType, String sagaIdentifier, Object saga, AssociationValues associationValues) {
        delegate.updateSaga(sagaType, sagaIdentifier, saga, associationValues);
    }
}
