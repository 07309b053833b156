package dev.studybuddy.query.chat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.studybuddy.platform.personaldata.ErasedAuthors;
import dev.studybuddy.query.file.FileDirectory;
import dev.studybuddy.query.file.StoredFileView;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.bson.Document;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.stereotype.Component;

/**
 * The MongoDB chat view of the messages, through the plain driver: {@code chat_messages} (one document per message,
 * keyed by conversation and seq). Beside it: {@link ChatReadPositions}, {@link DirectConversations}, {@link ChatPins}
 * and, for the account export, {@link WrittenMessages}. Only plain find/sort/limit, inserts, updates, bulk writes of
 * them and countDocuments, which both real MongoDB and the stand-in serve. Every write is idempotent: a message is
 * inserted once, an edit, a deletion or a reaction applies only if its seq is newer than the document's
 * {@code changeSeq}.
 */
@Component
public class ChatViews {

    static final String MESSAGES = "chat_messages";

    private final MongoDatabase database;
    private final FileDirectory files;
    private final MessageWrites writes;
    private final ChatReadPositions readPositions;
    private final ErasedAuthors erasedAuthors;
    private final ErasedAuthors.Texts bodies = new ErasedAuthors.Texts() {
        @Override
        public void beforeLooking() {
            writes.flush();
        }

        @Override
        public void takeAway(UUID author) {
            erased(author);
        }
    };

    ChatViews(
            MongoClient mongoClient,
            MongoProperties mongoProperties,
            FileDirectory files,
            ChatReadPositions readPositions,
            ErasedAuthors erasedAuthors) {
        this.database = mongoClient.getDatabase(mongoProperties.getMongoClientDatabase());
        this.files = files;
        this.readPositions = readPositions;
        this.erasedAuthors = erasedAuthors;
        this.writes = new MessageWrites(database.getCollection(MESSAGES), Clock.systemUTC());
        ensureIndexes();
    }

    private void ensureIndexes() {
        messages().createIndex(Indexes.ascending("conversationId", "seq"), new IndexOptions().unique(true));
        messages().createIndex(Indexes.ascending("conversationId", "changeSeq"));
        messages().createIndex(Indexes.ascending("conversationId", "messageId"));
        messages().createIndex(Indexes.ascending("attachments"));
        // the account export: a user's own messages, and the messages they reacted to
        messages().createIndex(Indexes.ascending("senderId", "conversationId", "seq"));
        messages().createIndex(Indexes.ascending("reactions.users"));
    }

    /**
     * Inserts the message at its place unless it is there already.
     *
     * @return the message as this event leaves it, once its batch has written it ({@link MessageWrites}): the
     * document inserted, without reading it back; for a repeated event (a retried batch), whatever is stored if no
     * later change has overtaken it
     */
    Supplier<Optional<ChatMessageView>> posted(
            String conversationId,
            long seq,
            UUID messageId,
            UUID senderId,
            String body,
            List<UUID> mentions,
            UUID replyTo,
            List<UUID> attachments,
            Instant at) {
        Document message = new Document("conversationId", conversationId)
                .append("seq", seq)
                .append("changeSeq", seq)
                .append("messageId", messageId.toString())
                .append("senderId", senderId.toString())
                .append("body", body)
                .append("mentions", strings(mentions))
                .append("replyTo", replyTo == null ? null : replyTo.toString())
                .append("attachments", strings(attachments))
                .append("postedAt", Date.from(at))
                .append("editedAt", null)
                .append("deletedAt", null)
                .append("deleted", false);
        MessageWrites.Insert insert = writes.add(id(conversationId, seq), message);
        if (body != null) {
            erasedAuthors.storing(bodies, senderId);
        }
        return () -> {
            if (!insert.written()) {
                writes.flush();
            }
            return insert.inserted()
                    ? Optional.of(ChatMessageView.of(message, files.describe(ChatMessageView.attachmentIds(message))))
                    : changedBy(conversationId, messageId, seq);
        };
    }

    /** A new body, unless the message has changed since {@code seq}. */
    void edited(String conversationId, long seq, UUID messageId, String body, Instant at) {
        writes.changing(conversationId, messageId.toString(), seq).ifPresent(write -> {
            write.set("body", body);
            write.set("editedAt", Date.from(at));
            writes.changed(write, seq);
            if (body != null) {
                erasedAuthors.storing(bodies, UUID.fromString(write.message().getString("senderId")));
            }
        });
    }

    /** The message keeps its place; what it said is gone (unless it has changed since {@code seq}). */
    void deleted(String conversationId, long seq, UUID messageId, Instant at) {
        writes.changing(conversationId, messageId.toString(), seq).ifPresent(write -> {
            write.set("deleted", true);
            write.set("deletedAt", Date.from(at));
            write.unset("body");
            write.set("mentions", List.of());
            write.set("attachments", List.of());
            write.set("reactions", List.of());
            writes.changed(write, seq);
        });
    }

    /**
     * Adds or takes back one user's reaction ({@code reactions}: {@code [{emoji, users}]}, emoji in the order first
     * given), unless the message has changed since {@code seq} (a repeated event).
     *
     * @return how many now react with that emoji, empty if nothing was applied
     */
    Optional<Integer> reacted(
            String conversationId, long seq, UUID messageId, UUID userId, String emoji, boolean added) {
        Optional<MessageWrites.Write> changing = writes.changing(conversationId, messageId.toString(), seq);
        if (changing.isEmpty()) {
            return Optional.empty();
        }
        MessageWrites.Write write = changing.get();
        MessageReactions reactions = MessageReactions.of(write.message());
        int count = reactions.change(emoji, userId, added);
        write.set("reactions", reactions.asStored());
        writes.changed(write, seq);
        return Optional.of(count);
    }

    /**
     * The message as it stands, its batch's pending write of it included, if {@code changeSeq} is the event that last
     * changed it.
     */
    Optional<ChatMessageView> changedBy(String conversationId, UUID messageId, long changeSeq) {
        Document found = writes.current(conversationId, messageId.toString())
                .map(MessageWrites.Write::message)
                .orElse(null);
        if (found == null || found.getLong("changeSeq") != changeSeq) {
            return Optional.empty();
        }
        return Optional.of(ChatMessageView.of(found, files.describe(ChatMessageView.attachmentIds(found))));
    }

    /** The messages (not deleted) that carry the file; their attachments are not described. */
    List<ChatMessageView> carrying(UUID fileId) {
        List<ChatMessageView> carrying = new ArrayList<>();
        messages()
                .find(Filters.eq("attachments", fileId.toString()))
                .forEach(document -> carrying.add(ChatMessageView.of(document, Map.of())));
        return carrying;
    }

    /** Up to {@code limit} messages placed before {@code beforeSeq}, newest first, as {@code viewer} sees them. */
    public List<ChatMessageView> before(String conversationId, long beforeSeq, int limit, UUID viewer) {
        return list(
                messages()
                        .find(Filters.and(Filters.eq("conversationId", conversationId), Filters.lt("seq", beforeSeq)))
                        .sort(Sorts.descending("seq"))
                        .limit(limit),
                viewer);
    }

    /**
     * Up to {@code limit} messages changed (posted, edited, deleted, reacted to) after {@code afterSeq}, in order of
     * change, as {@code viewer} sees them.
     */
    public List<ChatMessageView> changedAfter(String conversationId, long afterSeq, int limit, UUID viewer) {
        return list(
                messages()
                        .find(Filters.and(
                                Filters.eq("conversationId", conversationId), Filters.gt("changeSeq", afterSeq)))
                        .sort(Sorts.ascending("changeSeq"))
                        .limit(limit),
                viewer);
    }

    public Optional<ChatMessageView> latest(String conversationId, UUID viewer) {
        return before(conversationId, Long.MAX_VALUE, 1, viewer).stream().findFirst();
    }

    /** The messages with those ids in the conversation, as {@code viewer} sees them (any order). */
    List<ChatMessageView> withIds(String conversationId, List<String> messageIds, UUID viewer) {
        return list(
                messages()
                        .find(Filters.and(
                                Filters.eq("conversationId", conversationId), Filters.in("messageId", messageIds))),
                viewer);
    }

    /** The message with that id in the conversation, deleted or not. */
    Optional<ChatMessageView> message(String conversationId, UUID messageId) {
        Document found = messages()
                .find(MessageWrites.theMessage(conversationId, messageId.toString()))
                .first();
        return Optional.ofNullable(found).map(document -> ChatMessageView.of(document, Map.of()));
    }

    /** Messages of others, not deleted, placed after the user's read position. */
    public long unread(String conversationId, UUID userId) {
        return messages()
                .countDocuments(Filters.and(
                        Filters.eq("conversationId", conversationId),
                        Filters.gt("seq", readPositions.of(conversationId, userId)),
                        Filters.eq("deleted", false),
                        Filters.ne("senderId", userId.toString())));
    }

    /**
     * Blanks the bodies of the user's messages, the batch's own pending posts and changes written first; for their
     * erasure, and for a batch that wrote one after it ({@link ErasedAuthors}).
     */
    void erased(UUID userId) {
        messages()
                .updateMany(
                        Filters.and(Filters.eq("senderId", userId.toString()), Filters.ne("body", null)),
                        Updates.set("body", null));
    }

    /** For a replay: the views are rebuilt from the first event. */
    void drop() {
        messages().drop();
        ensureIndexes();
    }

    private static String id(String conversationId, long seq) {
        return conversationId + "#" + seq;
    }

    private static List<String> strings(List<UUID> ids) {
        return ids == null ? List.of() : ids.stream().map(UUID::toString).toList();
    }

    /** The views of the documents, with their attachments described in one query for all of them. */
    private List<ChatMessageView> list(Iterable<Document> found, UUID viewer) {
        List<Document> documents = new ArrayList<>();
        found.forEach(documents::add);
        Set<UUID> attachmentIds = new HashSet<>();
        documents.forEach(document -> attachmentIds.addAll(ChatMessageView.attachmentIds(document)));
        Map<UUID, StoredFileView> described = files.describe(attachmentIds);
        return documents.stream()
                .map(document -> ChatMessageView.of(document, described, viewer))
                .toList();
    }

    /** The messages, with whatever the current batch has posted or changed written first. */
    private MongoCollection<Document> messages() {
        writes.flush();
        return database.getCollection(MESSAGES);
    }
}
