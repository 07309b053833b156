package dev.studybuddy.command.identity;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface CredentialRepository extends JpaRepository<Credential, UUID> {

    Optional<Credential> findByUsername(String username);

    /**
     * The credential with that address (unique case-insensitively: the index is on lower(email)), locked shared: a
     * reset link is mailed to the address the account has when it is issued, not to one that an e-mail change or an
     * erasure under way is taking away.
     */
    @Lock(LockModeType.PESSIMISTIC_READ)
    @Query("SELECT c FROM Credential c WHERE lower(c.email) = lower(:email)")
    Optional<Credential> findByEmailForShare(String email);

    List<Credential> findByUsernameIn(Collection<String> usernames);

    /**
     * The credential, locked until the transaction ends: what proves or changes a password (a change, a reset, an
     * erasure) reads the one its predecessor wrote, so that two changes made with the same current password do not
     * both succeed.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("SELECT c FROM Credential c WHERE c.userId = :userId")
    Optional<Credential> findForUpdate(UUID userId);

    /**
     * The credential, locked shared until the transaction ends: a new session waits for an erasure under way (which
     * holds it for update), and the erasure for the sessions being started, which it then deletes.
     */
    @Lock(LockModeType.PESSIMISTIC_READ)
    @Query("SELECT c FROM Credential c WHERE c.userId = :userId")
    Optional<Credential> findForShare(UUID userId);
}
