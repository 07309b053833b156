package dev.studybuddy.notification.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studybuddy.api.group.GroupMessagePostedEvent;
import dev.studybuddy.api.membership.NotificationLevel;
import dev.studybuddy.api.user.PlatformRole;
import dev.studybuddy.api.user.UserErasedEvent;
import dev.studybuddy.api.user.UserRegisteredEvent;
import dev.studybuddy.notification.NotificationSagaIT;
import dev.studybuddy.notification.recipients.Recipients;
import dev.studybuddy.notification.support.DomainEvents;
import dev.studybuddy.notification.support.Groups;
import dev.studybuddy.notification.support.LogQueries;
import dev.studybuddy.platform.personaldata.PersonalDataKeys;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A mention that a batch read with its author's key before the author's erasure (its node had not heard of it yet,
 * or the erasure ran in another segment) and writes after the erasure took the author's texts away: the batch takes
 * them away itself before it commits (docs/adr/0019), so the notification keeps the author's id but neither their
 * name nor the excerpt.
 */
@NotificationSagaIT
class ChatNotifierErasureIT {

    @Autowired
    ChatNotifier notifier;

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
    void aMentionWrittenAfterItsAuthorsErasureKeepsNoTextOfTheirs() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        UUID author = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        events.publish(
                DomainEvents.USER_ACCOUNT,
                author.toString(),
                new UserRegisteredEvent(author, "author_" + marker, "Author " + marker, Set.of(PlatformRole.USER)));
        UUID group = Groups.create(
                events, recipients, owner, Map.of(author, NotificationLevel.ALL, member, NotificationLevel.ALL));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> recipients.displayName(author).isPresent());
        GroupMessagePostedEvent readBefore = new GroupMessagePostedEvent(
                group, UUID.randomUUID(), author, "@member read before " + marker, null, List.of(member), List.of());

        keys.destroy(author);
        events.publish(DomainEvents.USER_ACCOUNT, author.toString(), new UserErasedEvent(author));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> recipients.displayName(author).isEmpty());

        EventMessage<GroupMessagePostedEvent> message = GenericEventMessage.asEventMessage(readBefore);
        new TransactionTemplate(transactions)
                .executeWithoutResult(transaction ->
                        DefaultUnitOfWork.startAndGet(message).execute(() -> notifier.on(readBefore, message)));

        assertThat(log.rowsOf(member))
                .singleElement()
                .satisfies(row -> assertThat(row.get("payload"))
                        .asString()
                        .contains(author.toString())
                        .doesNotContain(marker));
    }
}
