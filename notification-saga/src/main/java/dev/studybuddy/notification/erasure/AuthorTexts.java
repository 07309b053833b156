package dev.studybuddy.notification.erasure;

import dev.studybuddy.platform.personaldata.ErasedAuthors;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The texts of a user's that notifications to others hold (their name beside their id, the excerpt of their message),
 * as the erasure and {@link ErasedAuthors} take them away. A notification is written in its batch's transaction, which
 * the erasure cannot see before it commits: so a batch that wrote one looks for erased authors under a shared lock
 * that the erasure takes alone. Either the batch looks after the erasure committed (and finds the key's tombstone,
 * stored before the erasure's event), or the erasure takes the texts away after the batch committed (and finds its
 * rows).
 */
@Component
public class AuthorTexts implements ErasedAuthors.Texts {

    /** Each payload field that holds a user id, and the texts of that user's beside it (the payload records). */
    static final Map<String, List<String>> NAMED_BY_ID = Map.ofEntries(
            Map.entry("authorId", List.of("authorName", "excerpt")),
            Map.entry("senderId", List.of("senderName", "excerpt")),
            Map.entry("requesterId", List.of("requesterName")),
            Map.entry("approvedBy", List.of("approvedByName")),
            Map.entry("rejectedBy", List.of("rejectedByName")),
            Map.entry("invitedBy", List.of("invitedByName")),
            Map.entry("inviteeId", List.of("inviteeName")),
            Map.entry("removedBy", List.of("removedByName")),
            Map.entry("bannedBy", List.of("bannedByName")),
            Map.entry("changedBy", List.of("changedByName")),
            Map.entry("previousOwnerId", List.of("previousOwnerName")));

    /** The two-part advisory lock key of this lock: its own space, apart from any other. */
    private static final int LOCK_SPACE = 0x5B_A019;

    private static final int LOCK_KEY = 0;

    private final JdbcTemplate jdbc;

    AuthorTexts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void beforeLooking() {
        jdbc.queryForList("SELECT pg_advisory_xact_lock_shared(?, ?)", LOCK_SPACE, LOCK_KEY);
    }

    @Override
    public void takeAway(UUID author) {
        String userId = author.toString();
        NAMED_BY_ID.forEach((idField, texts) -> {
            String removal = String.join(
                    " ", texts.stream().map(text -> "- '" + text + "'").toList());
            jdbc.update(
                    "UPDATE notification_log SET payload = payload " + removal + " WHERE payload->>'" + idField
                            + "' = ?",
                    userId);
        });
    }

    /**
     * The erasure's own taking away, alone: after the batches that wrote before it have committed, and before those
     * that write after it look for erased authors.
     */
    void takeAwayForErasure(UUID author) {
        jdbc.queryForList("SELECT pg_advisory_xact_lock(?, ?)", LOCK_SPACE, LOCK_KEY);
        takeAway(author);
    }
}
