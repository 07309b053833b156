package dev.studybuddy.command.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studybuddy.command.file.StoredFile;
import dev.studybuddy.command.friendship.Friendship;
import dev.studybuddy.command.group.Group;
import dev.studybuddy.command.membership.Membership;
import dev.studybuddy.command.support.CommandSideIT;
import dev.studybuddy.command.user.UserAccount;
import java.util.List;
import org.axonframework.common.lock.PessimisticLockFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.util.ReflectionTestUtils;

/** Every aggregate's repository locks with {@link AggregateLocks}, each with a factory of its own. */
@CommandSideIT
class AggregateLocksIT {

    @Autowired
    private org.axonframework.config.Configuration axon;

    @Test
    void everyAggregateRepositoryChecksForDeadlocksEveryHalfSecond() {
        List<Object> factories =
                List.of(Group.class, Friendship.class, Membership.class, UserAccount.class, StoredFile.class).stream()
                        .map(type -> ReflectionTestUtils.getField(axon.repository(type), "lockFactory"))
                        .toList();

        assertThat(factories)
                .allSatisfy(factory -> assertThat(factory)
                        .isInstanceOf(PessimisticLockFactory.class)
                        .hasFieldOrPropertyWithValue("lockAttemptTimeout", 500));
        assertThat(factories).doesNotHaveDuplicates();
    }
}
