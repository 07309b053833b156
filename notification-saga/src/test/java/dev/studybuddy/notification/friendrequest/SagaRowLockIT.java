package dev.studybuddy.notification.friendrequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studybuddy.api.friendship.FriendRequestSentEvent;
import dev.studybuddy.api.friendship.FriendshipId;
import dev.studybuddy.notification.NotificationSagaIT;
import dev.studybuddy.notification.support.DomainEvents;
import dev.studybuddy.testing.TransactionRaces;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A saga handled on two nodes at once (an event on the node whose processor owns it, its deadline on another) is
 * loaded by one after the other has stored it: the second load waits for the first transaction, so neither writes
 * back a state the other had already changed.
 */
@NotificationSagaIT
class SagaRowLockIT {

    @Autowired
    SagaStore<Object> sagaStore;

    @Autowired
    DomainEvents events;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aSagaLoadedWhileAnotherTransactionHandlesItWaitsForThatOneToCommit() throws Exception {
        UUID requester = UUID.randomUUID();
        UUID addressee = UUID.randomUUID();
        String friendship = FriendshipId.of(requester, addressee);
        events.publish(
                DomainEvents.FRIENDSHIP, friendship, new FriendRequestSentEvent(friendship, requester, addressee));
        await().atMost(Duration.ofSeconds(60)).until(() -> !sagasOf(friendship).isEmpty());
        String sagaId = sagasOf(friendship).get(0);
        AtomicBoolean firstStored = new AtomicBoolean();

        boolean secondSawTheFirstStored = new TransactionRaces(transactions, jdbc)
                .requestWhileATransactionHolds(
                        () -> sagaStore.loadSaga(FriendRequestSaga.class, sagaId),
                        () -> firstStored.set(true),
                        () -> new TransactionTemplate(transactions).execute(status -> {
                            sagaStore.loadSaga(FriendRequestSaga.class, sagaId);
                            return firstStored.get();
                        }));

        assertThat(secondSawTheFirstStored).isTrue();
    }

    private List<String> sagasOf(String friendship) {
        return jdbc.queryForList(
                "SELECT saga_id FROM association_value_entry WHERE association_value = ?", String.class, friendship);
    }
}
