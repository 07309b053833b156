package dev.studybuddy.query.export;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.studybuddy.api.file.FilePurpose;
import dev.studybuddy.api.group.GroupRole;
import dev.studybuddy.api.user.PlatformRole;
import dev.studybuddy.api.user.UserProfile;
import dev.studybuddy.query.chat.ChatAttachment;
import dev.studybuddy.query.chat.ChatMessageView;
import dev.studybuddy.query.chat.WrittenMessages.GivenReaction;
import dev.studybuddy.query.file.StoredFileView;
import dev.studybuddy.query.friendship.Relations.Relation;
import dev.studybuddy.query.group.Affiliations.Affiliation;
import dev.studybuddy.query.realtime.Conversations;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One line of the account export (docs/api.md, "Account export"): a JSON object whose {@code type} says what it
 * is. The field names are the contract; other users appear only by id and the names the lists show of them.
 */
@JsonPropertyOrder("type")
sealed interface ExportLine {

    @JsonProperty("type")
    String type();

    /**
     * The account as the users read model holds it, its e-mail address as identity holds it (null if it has none),
     * and the privacy settings (query-side's own rows).
     */
    record Profile(
            UUID userId,
            String username,
            String displayName,
            String bio,
            UUID avatarFileId,
            Set<PlatformRole> roles,
            boolean active,
            Instant registeredAt,
            String email,
            boolean emailVerified,
            boolean presenceVisible,
            boolean receiptsEnabled)
            implements ExportLine {

        static Profile of(
                UserProfile profile,
                Optional<AccountAddress.Address> address,
                boolean presenceVisible,
                boolean receiptsEnabled) {
            return new Profile(
                    profile.userId(),
                    profile.username(),
                    profile.displayName(),
                    profile.bio(),
                    profile.avatarFileId(),
                    profile.roles(),
                    profile.active(),
                    profile.registeredAt(),
                    address.map(AccountAddress.Address::email).orElse(null),
                    address.map(AccountAddress.Address::verified).orElse(profile.emailVerified()),
                    presenceVisible,
                    receiptsEnabled);
        }

        @Override
        public String type() {
            return "profile";
        }
    }

    /** A session of the caller (a refresh-token family) as command-side lists it; {@code current}: the export's own. */
    record Session(
            UUID sessionId, Instant createdAt, Instant lastUsedAt, String userAgent, String address, boolean current)
            implements ExportLine {

        static Session of(AccountSessions.Session session) {
            return new Session(
                    session.id(),
                    session.createdAt(),
                    session.lastUsedAt(),
                    session.userAgent(),
                    session.address(),
                    session.current());
        }

        @Override
        public String type() {
            return "session";
        }
    }

    /** For each notification type, whether it is also e-mailed, as notification-saga keeps it. */
    record NotificationPreferences(Map<String, Boolean> email) implements ExportLine {

        @Override
        public String type() {
            return "notificationPreferences";
        }
    }

    /** A friend ({@code FRIEND}) or a pending request ({@code REQUEST_SENT}, {@code REQUEST_RECEIVED}). */
    record Friendship(String status, UUID userId, String username, String displayName, Instant since)
            implements ExportLine {

        @Override
        public String type() {
            return "friendship";
        }
    }

    /** A user the caller blocked. */
    record Block(UUID userId, String username, String displayName, Instant since) implements ExportLine {

        @Override
        public String type() {
            return "block";
        }
    }

    static ExportLine of(Relation relation) {
        return switch (relation.kind()) {
            case BLOCKED -> new Block(relation.userId(), relation.username(), relation.displayName(), relation.since());
            case FRIEND, REQUEST_SENT, REQUEST_RECEIVED ->
                new Friendship(
                        relation.kind().name(),
                        relation.userId(),
                        relation.username(),
                        relation.displayName(),
                        relation.since());
        };
    }

    /** {@code status}: {@code MEMBER} (with {@code role}), {@code JOIN_REQUESTED}, {@code INVITED} or {@code BANNED}. */
    record Membership(String status, UUID groupId, String groupName, GroupRole role, Instant since)
            implements ExportLine {

        static Membership of(Affiliation affiliation) {
            return new Membership(
                    affiliation.kind().name(),
                    affiliation.groupId(),
                    affiliation.groupName(),
                    affiliation.role(),
                    affiliation.since());
        }

        @Override
        public String type() {
            return "membership";
        }
    }

    /**
     * A message the caller wrote: in a group ({@code groupId}) or to a friend ({@code friendId}). Reactions are
     * counted per emoji, {@code mine} for the caller's own; a deleted message keeps its place without its text.
     */
    record Message(
            String conversationId,
            UUID groupId,
            UUID friendId,
            long seq,
            UUID messageId,
            String body,
            List<UUID> mentions,
            UUID replyTo,
            List<UUID> attachments,
            Instant postedAt,
            Instant editedAt,
            boolean deleted,
            Instant deletedAt,
            List<ChatMessageView.Reaction> reactions)
            implements ExportLine {

        static Message of(ChatMessageView message, UUID author) {
            String conversation = message.conversationId();
            boolean group = Conversations.isGroup(conversation);
            UUID friend = group
                    ? null
                    : Conversations.participants(Conversations.friendshipOf(conversation)).stream()
                            .filter(participant -> !participant.equals(author))
                            .findFirst()
                            .orElse(author);
            return new Message(
                    conversation,
                    group ? Conversations.groupOf(conversation) : null,
                    friend,
                    message.seq(),
                    message.messageId(),
                    message.body(),
                    message.mentions(),
                    message.replyTo(),
                    message.attachments().stream().map(ChatAttachment::fileId).toList(),
                    message.postedAt(),
                    message.editedAt(),
                    message.deleted(),
                    message.deletedAt(),
                    message.reactions());
        }

        @Override
        public String type() {
            return "message";
        }
    }

    /** A reaction the caller gives, on anyone's message: nothing of that message but its id. */
    record Reaction(String conversationId, UUID messageId, String emoji) implements ExportLine {

        static Reaction of(GivenReaction reaction) {
            return new Reaction(reaction.conversationId(), reaction.messageId(), reaction.emoji());
        }

        @Override
        public String type() {
            return "reaction";
        }
    }

    /** A file the caller uploaded (its metadata; the bytes are {@code GET /api/files/{fileId}}). */
    record File(
            UUID fileId,
            String fileName,
            String contentType,
            long size,
            String contentHash,
            FilePurpose purpose,
            Instant uploadedAt,
            boolean deleted)
            implements ExportLine {

        static File of(StoredFileView file) {
            return new File(
                    file.fileId(),
                    file.fileName(),
                    file.contentType(),
                    file.size(),
                    file.contentHash(),
                    file.purpose(),
                    file.uploadedAt(),
                    file.deleted());
        }

        @Override
        public String type() {
            return "file";
        }
    }

    /** A notification of the caller's inbox as notification-saga answers it; its own type is {@code notificationType}. */
    record Notification(
            UUID notificationId, String notificationType, JsonNode payload, Instant createdAt, Instant readAt)
            implements ExportLine {

        static Notification of(JsonNode item) {
            return new Notification(
                    UUID.fromString(item.path("id").asText()),
                    item.path("type").asText(null),
                    item.path("payload"),
                    instant(item.path("createdAt")),
                    instant(item.path("readAt")));
        }

        private static Instant instant(JsonNode value) {
            return value.isTextual() ? Instant.parse(value.asText()) : null;
        }

        @Override
        public String type() {
            return "notification";
        }
    }

    /** The last line when a part could not be read to its end: what is above it is all the export holds. */
    record Incomplete(String missing, String reason) implements ExportLine {

        @Override
        public String type() {
            return "incomplete";
        }
    }

    /** The last line of a complete export: without it (or {@link Incomplete}) the stream broke off. */
    record End(Instant exportedAt) implements ExportLine {

        @Override
        public String type() {
            return "end";
        }
    }
}
