package dev.studybuddy.query.chat;

import dev.studybuddy.query.file.StoredFileView;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;

/**
 * One message of a conversation as clients see it. {@code seq} is its place (the sequence number of
 * the event that posted it); {@code changeSeq} the sequence number of the latest event that changed it
 * (its posting, an edit, its deletion), which is what {@code afterSeq} catches up on. A deleted message
 * keeps its place with {@code deleted: true} and without body, mentions, attachments or reactions. Attachments carry
 * the files' metadata as the files read model knows it when the view is read or the frame is sent. Reactions are
 * counted per emoji, in the order each was first given, with {@code mine} for the user reading (false in frames,
 * which many read). A reaction given or taken back changes the message: its {@code changeSeq} moves.
 */
public record ChatMessageView(
        String conversationId,
        long seq,
        long changeSeq,
        UUID messageId,
        UUID senderId,
        String body,
        List<UUID> mentions,
        UUID replyTo,
        List<ChatAttachment> attachments,
        Instant postedAt,
        Instant editedAt,
        Instant deletedAt,
        boolean deleted,
        List<Reaction> reactions) {

    /** One emoji on a message: how many gave it, and whether the reader is one of them. */
    public record Reaction(String emoji, int count, boolean mine) {}

    /** The same message with its text taken away, as an erasure leaves it. */
    ChatMessageView withoutBody() {
        return new ChatMessageView(
                conversationId,
                seq,
                changeSeq,
                messageId,
                senderId,
                null,
                mentions,
                replyTo,
                attachments,
                postedAt,
                editedAt,
                deletedAt,
                deleted,
                reactions);
    }

    /** The stored attachment ids of a message document. */
    static List<UUID> attachmentIds(Document document) {
        return uuids(document, "attachments");
    }

    static ChatMessageView of(Document document, Map<UUID, StoredFileView> files) {
        return of(document, files, null);
    }

    /** @param viewer who reads it, for {@code mine}; null for a frame */
    static ChatMessageView of(Document document, Map<UUID, StoredFileView> files, UUID viewer) {
        List<ChatAttachment> attachments = attachmentIds(document).stream()
                .map(fileId -> ChatAttachment.of(fileId, files.get(fileId)))
                .toList();
        return new ChatMessageView(
                document.getString("conversationId"),
                document.getLong("seq"),
                document.getLong("changeSeq"),
                uuid(document, "messageId"),
                uuid(document, "senderId"),
                document.getString("body"),
                uuids(document, "mentions"),
                uuid(document, "replyTo"),
                attachments,
                instant(document, "postedAt"),
                instant(document, "editedAt"),
                instant(document, "deletedAt"),
                document.getBoolean("deleted", false),
                reactions(document, viewer));
    }

    private static List<Reaction> reactions(Document document, UUID viewer) {
        List<Document> stored = document.getList("reactions", Document.class);
        if (stored == null) {
            return List.of();
        }
        String reader = viewer == null ? null : viewer.toString();
        return stored.stream()
                .map(reaction -> {
                    List<String> users = reaction.getList("users", String.class);
                    return new Reaction(
                            reaction.getString("emoji"), users.size(), reader != null && users.contains(reader));
                })
                .toList();
    }

    private static UUID uuid(Document document, String field) {
        String value = document.getString(field);
        return value == null ? null : UUID.fromString(value);
    }

    private static List<UUID> uuids(Document document, String field) {
        List<String> values = document.getList(field, String.class);
        return values == null
                ? List.of()
                : values.stream().map(UUID::fromString).toList();
    }

    private static Instant instant(Document document, String field) {
        Date value = document.getDate(field);
        return value == null ? null : value.toInstant();
    }
}
