package dev.studybuddy.command.user;

import java.util.UUID;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Answers "does this user exist, and is the account open?" from the UserAccount aggregate itself, so
 * that other aggregates decide on consistent state rather than on a read model that may lag.
 */
@Component
public class UserDirectory {

    public enum Status {
        ACTIVE,
        DEACTIVATED,
        UNKNOWN
    }

    private final Repository<UserAccount> accounts;

    UserDirectory(Repository<UserAccount> accounts) {
        this.accounts = accounts;
    }

    public Status statusOf(UUID userId) {
        try {
            return accounts.load(userId.toString()).invoke(UserAccount::isActive) ? Status.ACTIVE : Status.DEACTIVATED;
        } catch (AggregateNotFoundException e) {
            return Status.UNKNOWN;
        }
    }
}
