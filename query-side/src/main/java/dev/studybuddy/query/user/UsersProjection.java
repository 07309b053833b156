package dev.studybuddy.query.user;

import dev.studybuddy.api.user.AvatarChangedEvent;
import dev.studybuddy.api.user.AvatarRemovedEvent;
import dev.studybuddy.api.user.EmailChangedEvent;
import dev.studybuddy.api.user.EmailVerifiedEvent;
import dev.studybuddy.api.user.PlatformRolesChangedEvent;
import dev.studybuddy.api.user.ProfileChangedEvent;
import dev.studybuddy.api.user.UserDeactivatedEvent;
import dev.studybuddy.api.user.UserErasedEvent;
import dev.studybuddy.api.user.UserReactivatedEvent;
import dev.studybuddy.api.user.UserRegisteredEvent;
import dev.studybuddy.platform.personaldata.PersonalDataKeys;
import dev.studybuddy.query.consistency.ApplyOnce;
import dev.studybuddy.query.consistency.ProjectionPositions;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The users read model, built from the UserAccount events. Each event is applied once: {@link ApplyOnce}
 * (as for every projection: {@link dev.studybuddy.query.consistency.ProjectionRegistration}) skips redeliveries and records the position that
 * read-your-writes queries wait for. Times come from the events, so a replay rebuilds identical rows.
 * The handlers write with plain SQL ({@link UserProfiles} reads through {@link UserView}): a statement PostgreSQL
 * refuses then fails its handler at once, and the event is parked, whereas a failed JPA flush would
 * fail the processor's whole transaction at commit, again on every retry.
 */
@Component
@ProcessingGroup(UsersProjection.PROCESSING_GROUP)
class UsersProjection {

    static final String PROCESSING_GROUP = "users";

    /** The first half of the name locks' two-part advisory keys: their own space. */
    private static final int NAME_LOCKS = 0x05E7_0A11;

    private final JdbcTemplate jdbc;
    private final ProjectionPositions positions;
    private final PersonalDataKeys keys;

    UsersProjection(JdbcTemplate jdbc, ProjectionPositions positions, PersonalDataKeys keys) {
        this.jdbc = jdbc;
        this.positions = positions;
        this.keys = keys;
    }

    /**
     * The name is free on the command side the moment an erasure commits, but the erasure's event may reach its
     * holder's row here after the next registration of the name (another segment; in a replay the segments run
     * apart as well): of two rows with one name the later registration keeps it, whichever is handled first. Without
     * this the second insert broke the unique index and was parked.
     */
    @EventHandler
    void on(UserRegisteredEvent event, @Timestamp Instant at) {
        if (event.username() != null) {
            // two segments registering one name at once would not see each other's row: they take turns on the name
            jdbc.queryForList("SELECT pg_advisory_xact_lock(?, hashtext(?))", NAME_LOCKS, event.username());
            jdbc.update(
                    "UPDATE users SET username = NULL WHERE username = ? AND (registered_at, user_id) < (?, ?)",
                    event.username(),
                    utc(at),
                    event.userId());
        }
        jdbc.update(
                """
                INSERT INTO users (user_id, username, display_name, roles, active, registered_at, updated_at)
                VALUES (?, CASE WHEN EXISTS (SELECT 1 FROM users WHERE username = ?) THEN NULL ELSE ? END,
                        ?, ?, true, ?, ?)""",
                event.userId(),
                event.username(),
                event.username(),
                event.displayName(),
                UserView.joined(event.roles()),
                utc(at),
                utc(at));
    }

    @EventHandler
    void on(ProfileChangedEvent event, @Timestamp Instant at) {
        jdbc.update(
                "UPDATE users SET display_name = ?, bio = ?, updated_at = ? WHERE user_id = ?",
                event.displayName(),
                event.bio(),
                utc(at),
                event.userId());
    }

    @EventHandler
    void on(AvatarChangedEvent event, @Timestamp Instant at) {
        jdbc.update(
                "UPDATE users SET avatar_file_id = ?, updated_at = ? WHERE user_id = ?",
                event.fileId(),
                utc(at),
                event.userId());
    }

    @EventHandler
    void on(AvatarRemovedEvent event, @Timestamp Instant at) {
        jdbc.update(
                "UPDATE users SET avatar_file_id = NULL, updated_at = ? WHERE user_id = ?", utc(at), event.userId());
    }

    @EventHandler
    void on(PlatformRolesChangedEvent event, @Timestamp Instant at) {
        jdbc.update(
                "UPDATE users SET roles = ?, updated_at = ? WHERE user_id = ?",
                UserView.joined(event.roles()),
                utc(at),
                event.userId());
    }

    @EventHandler
    void on(UserDeactivatedEvent event, @Timestamp Instant at) {
        jdbc.update("UPDATE users SET active = false, updated_at = ? WHERE user_id = ?", utc(at), event.userId());
    }

    @EventHandler
    void on(UserReactivatedEvent event, @Timestamp Instant at) {
        jdbc.update("UPDATE users SET active = true, updated_at = ? WHERE user_id = ?", utc(at), event.userId());
    }

    /**
     * What the row held of the person goes; the row stays, so that their messages still show who wrote them (an
     * id, and {@code erased}). A replay writes the same: the events' names read as null once the key is gone.
     */
    @EventHandler
    void on(UserErasedEvent event, @Timestamp Instant at) {
        keys.evict(event.userId());
        jdbc.update("""
                UPDATE users SET username = NULL, display_name = NULL, bio = NULL, avatar_file_id = NULL,
                    active = false, erased = true, updated_at = ?
                WHERE user_id = ?""", utc(at), event.userId());
    }

    @EventHandler
    void on(EmailVerifiedEvent event, @Timestamp Instant at) {
        jdbc.update(
                "UPDATE users SET email_verified = true, updated_at = ? WHERE user_id = ?", utc(at), event.userId());
    }

    /** A new address is not verified yet. */
    @EventHandler
    void on(EmailChangedEvent event, @Timestamp Instant at) {
        jdbc.update(
                "UPDATE users SET email_verified = false, updated_at = ? WHERE user_id = ?", utc(at), event.userId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM users");
        positions.forget(PROCESSING_GROUP);
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
