package dev.studybuddy.query.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.studybuddy.api.user.UserProfile;
import dev.studybuddy.platform.web.CursorPage;
import dev.studybuddy.query.chat.WrittenMessages;
import dev.studybuddy.query.file.FileDirectory;
import dev.studybuddy.query.file.StoredFileView;
import dev.studybuddy.query.friendship.Relations;
import dev.studybuddy.query.friendship.Relations.Relation;
import dev.studybuddy.query.group.Affiliations;
import dev.studybuddy.query.group.Affiliations.Affiliation;
import dev.studybuddy.query.user.PrivacySettings;
import dev.studybuddy.query.user.UserProfiles;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes one user's account export, one {@link ExportLine} a line, in parts: profile, sessions, notification
 * preferences, friendships and blocks, memberships, files, messages, reactions, notifications, then {@code end}. Every part is read page by page
 * (keyset pages from PostgreSQL, one batched cursor from MongoDB, cursor pages from notification-saga) and
 * written as it arrives, so that the export is never held in memory however long the history.
 */
@Component
class AccountExport {

    private static final Logger log = LoggerFactory.getLogger(AccountExport.class);
    private static final UUID FIRST_ID = new UUID(0, 0);

    private final UserProfiles profiles;
    private final PrivacySettings privacy;
    private final Relations relations;
    private final Affiliations affiliations;
    private final FileDirectory files;
    private final WrittenMessages chats;
    private final NotificationInbox notifications;
    private final TransactionTemplate snapshot;
    private final ObjectWriter json;
    private final int pageSize;
    private final Clock clock;

    AccountExport(
            UserProfiles profiles,
            PrivacySettings privacy,
            Relations relations,
            Affiliations affiliations,
            FileDirectory files,
            WrittenMessages chats,
            NotificationInbox notifications,
            PlatformTransactionManager transactions,
            ObjectMapper objectMapper,
            ExportProperties properties) {
        this.profiles = profiles;
        this.privacy = privacy;
        this.relations = relations;
        this.affiliations = affiliations;
        this.files = files;
        this.chats = chats;
        this.notifications = notifications;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.json = objectMapper.writer();
        this.pageSize = properties.pageSize();
        this.clock = Clock.systemUTC();
    }

    /**
     * Query-side's PostgreSQL part (profile, settings, relations, memberships, files) is read in one read-only
     * REPEATABLE READ transaction: one snapshot, however many pages. The messages follow from MongoDB, the other
     * services' parts were read just before the stream began ({@code others}), later inbox pages with its grant.
     *
     * @param asked  the profile as it was when the export was asked for (its 404 came before the first byte)
     * @param others what command-side and notification-saga answered before the first byte
     */
    void write(UserProfile asked, OtherServices.Parts others, OutputStream out) {
        UUID me = asked.userId();
        snapshot.executeWithoutResult(transaction -> {
            UserProfile profile = profiles.find(me).orElse(asked);
            write(
                    out,
                    ExportLine.Profile.of(
                            profile, others.address(), privacy.presenceVisible(me), privacy.receiptsEnabled(me)));
            others.sessions().forEach(session -> write(out, ExportLine.Session.of(session)));
            write(
                    out,
                    new ExportLine.NotificationPreferences(others.preferences().email()));
            writeRelations(me, out);
            writeAffiliations(me, out);
            writeFiles(me, out);
        });
        chats.forEachWrittenBy(me, pageSize, message -> write(out, ExportLine.Message.of(message, me)));
        chats.forEachReactionBy(me, pageSize, reaction -> write(out, ExportLine.Reaction.of(reaction)));
        if (writeNotifications(others.grant(), others.firstNotifications(), out)) {
            write(out, new ExportLine.End(clock.instant()));
        }
    }

    private void writeRelations(UUID me, OutputStream out) {
        Relations.Key after = Relations.FIRST;
        List<Relation> page;
        do {
            page = relations.of(me, after, pageSize);
            page.forEach(relation -> write(out, ExportLine.of(relation)));
            after = page.isEmpty() ? after : page.get(page.size() - 1).key();
        } while (page.size() == pageSize);
    }

    private void writeAffiliations(UUID me, OutputStream out) {
        Affiliations.Key after = Affiliations.FIRST;
        List<Affiliation> page;
        do {
            page = affiliations.of(me, after, pageSize);
            page.forEach(affiliation -> write(out, ExportLine.Membership.of(affiliation)));
            after = page.isEmpty() ? after : page.get(page.size() - 1).key();
        } while (page.size() == pageSize);
    }

    private void writeFiles(UUID me, OutputStream out) {
        UUID after = FIRST_ID;
        List<StoredFileView> page;
        do {
            page = files.ownedBy(me, after, pageSize);
            page.forEach(file -> write(out, ExportLine.File.of(file)));
            after = page.isEmpty() ? after : page.get(page.size() - 1).fileId();
        } while (page.size() == pageSize);
    }

    /** @return whether every page arrived; if not, the last line written says that notifications are missing */
    private boolean writeNotifications(String grant, CursorPage<JsonNode> first, OutputStream out) {
        CursorPage<JsonNode> page = first;
        while (true) {
            page.items().forEach(item -> write(out, ExportLine.Notification.of(item)));
            if (page.nextCursor() == null) {
                return true;
            }
            try {
                page = notifications.page(grant, page.nextCursor());
            } catch (NotAnswering e) {
                log.warn("Account export without its later notifications: {}", e.getMessage());
                write(
                        out,
                        new ExportLine.Incomplete(
                                "notification",
                                "notification-saga did not answer; the notifications above are only the newest"));
                return false;
            }
        }
    }

    private void write(OutputStream out, ExportLine line) {
        try {
            out.write(json.writeValueAsBytes(line));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
