package dev.studybuddy.command.identity;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CredentialRepository extends JpaRepository<Credential, UUID> {

    Optional<Credential> findByUsername(String username);

    /** Addresses are unique case-insensitively (the index is on lower(email)). */
    @Query("SELECT c FROM Credential c WHERE lower(c.email) = lower(:email)")
    Optional<Credential> findByEmail(String email);

    List<Credential> findByUsernameIn(Collection<String> usernames);
}
