package dev.studybuddy.notification.erasure;

import dev.studybuddy.platform.personaldata.ErasedAuthors;
import dev.studybuddy.platform.personaldata.LockedTexts;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The texts of a user's that notifications to others hold (their name beside their id, the excerpt of their message),
 * as the erasure and {@link ErasedAuthors} take them away ({@link LockedTexts}).
 */
@Component
public class AuthorTexts extends LockedTexts {

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

    AuthorTexts(JdbcTemplate jdbc) {
        super(jdbc, "notification_log", () -> {}, author -> takeAwayNamesOf(jdbc, author));
    }

    private static void takeAwayNamesOf(JdbcTemplate jdbc, UUID author) {
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
}
