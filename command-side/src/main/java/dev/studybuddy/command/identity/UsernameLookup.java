package dev.studybuddy.command.identity;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Who is behind a user name: the identity store decides uniqueness, so it answers this too. */
@Component
public class UsernameLookup {

    private final CredentialRepository credentials;

    UsernameLookup(CredentialRepository credentials) {
        this.credentials = credentials;
    }

    /**
     * The ids of the given (lower-case) user names that exist; unknown names are left out. No transaction of its
     * own (one query needs none), so that a message without mentions never asks PostgreSQL for anything.
     */
    public Map<String, UUID> idsOf(Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return Map.of();
        }
        return credentials.findByUsernameIn(usernames).stream()
                .collect(Collectors.toMap(Credential::username, Credential::userId));
    }
}
