package dev.studybuddy.notification.groupactivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studybuddy.api.group.MemberRemovedEvent;
import dev.studybuddy.api.user.PlatformRole;
import dev.studybuddy.api.user.UserErasedEvent;
import dev.studybuddy.api.user.UserRegisteredEvent;
import dev.studybuddy.notification.NotificationSagaIT;
import dev.studybuddy.notification.recipients.Recipients;
import dev.studybuddy.notification.support.DomainEvents;
import dev.studybuddy.notification.support.LogQueries;
import dev.studybuddy.platform.personaldata.PersonalDataKeys;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A batch that read a moderator's name and wrote a notice naming them, and commits after the moderator's erasure
 * took their name out of every notice it could see: the batch takes it out of its own before it commits
 * (docs/adr/0019).
 */
@NotificationSagaIT
class GroupActivityErasureIT {

    @Autowired
    GroupActivityNotifier notifier;

    @Autowired
    Recipients recipients;

    @Autowired
    PersonalDataKeys keys;

    @Autowired
    DomainEvents events;

    @Autowired
    LogQueries log;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aNoticeNamingAUserErasedWhileItsBatchRanKeepsTheirIdButNotTheirName() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        UUID moderator = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        events.publish(
                DomainEvents.USER_ACCOUNT,
                moderator.toString(),
                new UserRegisteredEvent(
                        moderator, "moderator_" + marker, "Moderator " + marker, Set.of(PlatformRole.USER)));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> recipients.displayName(moderator).isPresent());
        MemberRemovedEvent removed = new MemberRemovedEvent(UUID.randomUUID(), member, moderator, false);
        EventMessage<MemberRemovedEvent> message = GenericEventMessage.asEventMessage(removed);

        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch erased = new CountDownLatch(1);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<?> batch = executor.submit(() -> new TransactionTemplate(transactions)
                    .executeWithoutResult(transaction -> DefaultUnitOfWork.startAndGet(message)
                            .execute(() -> {
                                notifier.on(removed, message);
                                written.countDown();
                                awaitQuietly(erased);
                            })));
            assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();

            keys.destroy(moderator);
            events.publish(DomainEvents.USER_ACCOUNT, moderator.toString(), new UserErasedEvent(moderator));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> recipients.displayName(moderator).isEmpty());
            erased.countDown();
            batch.get(30, TimeUnit.SECONDS);
        } finally {
            erased.countDown();
            executor.shutdownNow();
        }

        assertThat(log.rowsOf(member))
                .singleElement()
                .satisfies(row -> assertThat(row.get("payload"))
                        .asString()
                        .contains(moderator.toString())
                        .doesNotContain(marker));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
