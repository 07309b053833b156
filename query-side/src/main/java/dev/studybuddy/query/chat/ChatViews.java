package dev.studybuddy.query.chat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.studybuddy.query.file.FileDirectory;
import dev.studybuddy.query.file.StoredFileView;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.stereotype.Component;

/**
 * The MongoDB chat views, through the plain driver: {@code chat_messages} (one document per message,
 * keyed by conversation and seq), {@code chat_read_positions} (how far each user has read each
 * conversation) and {@code chat_direct_conversations} (each user's direct conversations with their
 * latest message), {@code chat_pins} (the messages pinned in each conversation). Only plain find/sort/limit, updateOne with upsert and countDocuments, which both real
 * MongoDB and the stand-in serve. Every write is idempotent: a message is inserted once, an edit or a
 * deletion applies only if its seq is newer than the document's {@code changeSeq}.
 */
@Component
public class ChatViews {

    static final String MESSAGES = "chat_messages";
    static final String READ_POSITIONS = "chat_read_positions";
    static final String DIRECT_CONVERSATIONS = "chat_direct_conversations";
    static final String PINS = "chat_pins";

    private final MongoDatabase database;
    private final FileDirectory files;
    private final PostedMessages posted;

    ChatViews(MongoClient mongoClient, MongoProperties mongoProperties, FileDirectory files) {
        this.database = mongoClient.getDatabase(mongoProperties.getMongoClientDatabase());
        this.files = files;
        this.posted = new PostedMessages(database.getCollection(MESSAGES), Clock.systemUTC());
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
        readPositions().createIndex(Indexes.ascending("conversationId", "seq"));
        directConversations()
                .createIndex(Indexes.compoundIndex(Indexes.ascending("userId"), Indexes.descending("lastAt")));
        pins().createIndex(Indexes.ascending("conversationId", "seq"));
    }

    /**
     * Inserts the message at its place unless it is there already.
     *
     * @return the message as this event leaves it, once its batch has written it ({@link PostedMessages}): the
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
        PostedMessages.Insert insert = posted.add(id(conversationId, seq), message);
        return () -> {
            if (!insert.written()) {
                posted.flush();
            }
            return insert.inserted()
                    ? Optional.of(ChatMessageView.of(message, files.describe(ChatMessageView.attachmentIds(message))))
                    : changedBy(conversationId, messageId, seq);
        };
    }

    void edited(String conversationId, long seq, UUID messageId, String body, Instant at) {
        messages()
                .updateOne(
                        newerChange(conversationId, messageId, seq),
                        Updates.combine(
                                Updates.set("body", body),
                                Updates.set("editedAt", Date.from(at)),
                                Updates.set("changeSeq", seq)));
    }

    /** The message keeps its place; what it said is gone. */
    void deleted(String conversationId, long seq, UUID messageId, Instant at) {
        messages()
                .updateOne(
                        newerChange(conversationId, messageId, seq),
                        Updates.combine(
                                Updates.set("deleted", true),
                                Updates.set("deletedAt", Date.from(at)),
                                Updates.set("changeSeq", seq),
                                Updates.unset("body"),
                                Updates.set("mentions", List.of()),
                                Updates.set("attachments", List.of()),
                                Updates.set("reactions", List.of())));
    }

    /**
     * Adds or takes back one user's reaction ({@code reactions}: {@code [{emoji, users}]}, emoji in the order first
     * given), unless the message has changed since {@code seq} (a repeated event).
     *
     * @return how many now react with that emoji, empty if nothing was applied
     */
    Optional<Integer> reacted(
            String conversationId, long seq, UUID messageId, UUID userId, String emoji, boolean added) {
        Document found = messages()
                .find(Filters.and(
                        Filters.eq("conversationId", conversationId), Filters.eq("messageId", messageId.toString())))
                .first();
        if (found == null || found.getLong("changeSeq") >= seq) {
            return Optional.empty();
        }
        List<Document> reactions = new ArrayList<>();
        List<Document> stored = found.getList("reactions", Document.class);
        if (stored != null) {
            stored.forEach(reaction -> reactions.add(new Document("emoji", reaction.getString("emoji"))
                    .append("users", new ArrayList<>(reaction.getList("users", String.class)))));
        }
        Document reaction = reactions.stream()
                .filter(entry -> emoji.equals(entry.getString("emoji")))
                .findFirst()
                .orElseGet(() -> {
                    Document created = new Document("emoji", emoji).append("users", new ArrayList<String>());
                    reactions.add(created);
                    return created;
                });
        List<String> users = reaction.getList("users", String.class);
        users.remove(userId.toString());
        if (added) {
            users.add(userId.toString());
        } else if (users.isEmpty()) {
            reactions.remove(reaction);
        }
        messages()
                .updateOne(
                        newerChange(conversationId, messageId, seq),
                        Updates.combine(Updates.set("reactions", reactions), Updates.set("changeSeq", seq)));
        return Optional.of(users.size());
    }

    /** The message as it stands, if {@code changeSeq} is the event that last changed it. */
    Optional<ChatMessageView> changedBy(String conversationId, UUID messageId, long changeSeq) {
        Document found = messages()
                .find(Filters.and(
                        Filters.eq("conversationId", conversationId), Filters.eq("messageId", messageId.toString())))
                .first();
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

    /**
     * Every message {@code authorId} wrote, deleted ones included, conversation by conversation in order, read
     * through one cursor in batches of {@code batchSize}, so that a long history is never held in memory.
     * Attachments are not described; reactions are counted, with {@code mine} for the author's own.
     */
    public void forEachWrittenBy(UUID authorId, int batchSize, Consumer<ChatMessageView> action) {
        messages()
                .find(Filters.eq("senderId", authorId.toString()))
                .sort(Sorts.ascending("senderId", "conversationId", "seq"))
                .batchSize(batchSize)
                .forEach(document -> action.accept(ChatMessageView.of(document, Map.of(), authorId)));
    }

    /**
     * Every reaction {@code userId} gives, on anyone's message, in batches of {@code batchSize}: which message and
     * which emoji, nothing else of the message.
     */
    public void forEachReactionBy(UUID userId, int batchSize, Consumer<GivenReaction> action) {
        String user = userId.toString();
        messages()
                .find(Filters.eq("reactions.users", user))
                .projection(
                        new Document("conversationId", 1).append("messageId", 1).append("reactions", 1))
                .batchSize(batchSize)
                .forEach(document -> document.getList("reactions", Document.class).stream()
                        .filter(reaction ->
                                reaction.getList("users", String.class).contains(user))
                        .forEach(reaction -> action.accept(new GivenReaction(
                                document.getString("conversationId"),
                                UUID.fromString(document.getString("messageId")),
                                reaction.getString("emoji")))));
    }

    /** A reaction one user gives to a message. */
    public record GivenReaction(String conversationId, UUID messageId, String emoji) {}

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

    /** Moves a user's read position forward (never back); @return whether it moved */
    boolean read(String conversationId, UUID userId, long seq) {
        String id = conversationId + "|" + userId;
        if (readPosition(conversationId, userId) >= seq) {
            return false;
        }
        readPositions()
                .replaceOne(
                        Filters.eq("_id", id),
                        new Document("_id", id)
                                .append("conversationId", conversationId)
                                .append("userId", userId.toString())
                                .append("seq", seq),
                        new ReplaceOptions().upsert(true));
        return true;
    }

    /** The users whose read position in the conversation is at {@code seq} or beyond, with their positions. */
    Map<UUID, Long> readersFrom(String conversationId, long seq) {
        Map<UUID, Long> readers = new LinkedHashMap<>();
        readPositions()
                .find(Filters.and(Filters.eq("conversationId", conversationId), Filters.gte("seq", seq)))
                .forEach(document ->
                        readers.put(UUID.fromString(document.getString("userId")), document.getLong("seq")));
        return readers;
    }

    /** The message with that id in the conversation, deleted or not. */
    Optional<ChatMessageView> message(String conversationId, UUID messageId) {
        Document found = messages()
                .find(Filters.and(
                        Filters.eq("conversationId", conversationId), Filters.eq("messageId", messageId.toString())))
                .first();
        return Optional.ofNullable(found).map(document -> ChatMessageView.of(document, Map.of()));
    }

    /** The highest seq the user has read, -1 if none. */
    public long readPosition(String conversationId, UUID userId) {
        Document found = readPositions()
                .find(Filters.eq("_id", conversationId + "|" + userId))
                .first();
        return found == null ? -1 : found.getLong("seq");
    }

    /** Messages of others, not deleted, placed after the user's read position. */
    public long unread(String conversationId, UUID userId) {
        return messages()
                .countDocuments(Filters.and(
                        Filters.eq("conversationId", conversationId),
                        Filters.gt("seq", readPosition(conversationId, userId)),
                        Filters.eq("deleted", false),
                        Filters.ne("senderId", userId.toString())));
    }

    /** Records the latest message of a direct conversation for one of its two users. */
    void directActivity(UUID userId, UUID otherUserId, String conversationId, long seq, Instant at) {
        String id = userId + "|" + conversationId;
        Document found = directConversations().find(Filters.eq("_id", id)).first();
        if (found == null || found.getLong("lastSeq") < seq) {
            directConversations()
                    .replaceOne(
                            Filters.eq("_id", id),
                            new Document("_id", id)
                                    .append("userId", userId.toString())
                                    .append("otherUserId", otherUserId.toString())
                                    .append("conversationId", conversationId)
                                    .append("lastSeq", seq)
                                    .append("lastAt", Date.from(at)),
                            new ReplaceOptions().upsert(true));
        }
    }

    /** The user's direct conversations, latest activity first, after the keyset position {@code after}. */
    public List<DirectConversationEntry> directConversations(
            UUID userId, DirectConversationEntry.Key after, int limit) {
        Bson mine = Filters.eq("userId", userId.toString());
        Bson filter = after == null
                ? mine
                : Filters.and(
                        mine,
                        Filters.or(
                                Filters.lt("lastAt", Date.from(after.lastAt())),
                                Filters.and(
                                        Filters.eq("lastAt", Date.from(after.lastAt())),
                                        Filters.gt("conversationId", after.conversationId()))));
        List<DirectConversationEntry> entries = new ArrayList<>();
        for (Document document : directConversations()
                .find(filter)
                .sort(Sorts.orderBy(Sorts.descending("lastAt"), Sorts.ascending("conversationId")))
                .limit(limit)) {
            entries.add(new DirectConversationEntry(
                    UUID.fromString(document.getString("otherUserId")),
                    document.getString("conversationId"),
                    document.getDate("lastAt").toInstant()));
        }
        return entries;
    }

    /**
     * Pins the message; {@code seq} is the pinning event's. A repeat of the event (a retried batch) writes the same
     * document again; the aggregate pins a message only once until it is unpinned.
     */
    void pinned(String conversationId, long seq, UUID messageId, UUID pinnedBy, Instant at) {
        String id = pinId(conversationId, messageId);
        pins().replaceOne(
                        Filters.eq("_id", id),
                        new Document("_id", id)
                                .append("conversationId", conversationId)
                                .append("seq", seq)
                                .append("messageId", messageId.toString())
                                .append("pinnedBy", pinnedBy.toString())
                                .append("pinnedAt", Date.from(at)),
                        new ReplaceOptions().upsert(true));
    }

    void unpinned(String conversationId, UUID messageId) {
        pins().deleteOne(Filters.eq("_id", pinId(conversationId, messageId)));
    }

    /** The conversation's pinned messages, the latest pin first (at most {@code limit}; the aggregate keeps fewer). */
    List<PinnedMessageView> pins(String conversationId, int limit, UUID viewer) {
        return pinViews(
                pins().find(Filters.eq("conversationId", conversationId))
                        .sort(Sorts.descending("seq"))
                        .limit(limit),
                viewer);
    }

    Optional<PinnedMessageView> pin(String conversationId, UUID messageId) {
        return pinViews(pins().find(Filters.eq("_id", pinId(conversationId, messageId))), null).stream()
                .findFirst();
    }

    private List<PinnedMessageView> pinViews(Iterable<Document> found, UUID viewer) {
        List<Document> pinDocuments = new ArrayList<>();
        found.forEach(pinDocuments::add);
        if (pinDocuments.isEmpty()) {
            return List.of();
        }
        Map<String, List<String>> idsByConversation = new LinkedHashMap<>();
        pinDocuments.forEach(pin -> idsByConversation
                .computeIfAbsent(pin.getString("conversationId"), key -> new ArrayList<>())
                .add(pin.getString("messageId")));
        Map<String, ChatMessageView> messages = new LinkedHashMap<>();
        idsByConversation.forEach((conversationId, messageIds) -> list(
                        messages()
                                .find(Filters.and(
                                        Filters.eq("conversationId", conversationId),
                                        Filters.in("messageId", messageIds))),
                        viewer)
                .forEach(message -> messages.put(pinId(conversationId, message.messageId()), message)));
        return pinDocuments.stream()
                .map(pin -> new PinnedMessageView(
                        pin.getLong("seq"),
                        UUID.fromString(pin.getString("messageId")),
                        UUID.fromString(pin.getString("pinnedBy")),
                        pin.getDate("pinnedAt").toInstant(),
                        messages.get(pin.getString("_id"))))
                .toList();
    }

    /** For a replay: the views are rebuilt from the first event. */
    void drop() {
        messages().drop();
        readPositions().drop();
        directConversations().drop();
        pins().drop();
        ensureIndexes();
    }

    private static Bson newerChange(String conversationId, UUID messageId, long seq) {
        return Filters.and(
                Filters.eq("conversationId", conversationId),
                Filters.eq("messageId", messageId.toString()),
                Filters.lt("changeSeq", seq));
    }

    private static String pinId(String conversationId, UUID messageId) {
        return conversationId + "|" + messageId;
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

    /** The messages, with whatever the current batch has posted written first. */
    private MongoCollection<Document> messages() {
        posted.flush();
        return database.getCollection(MESSAGES);
    }

    private MongoCollection<Document> readPositions() {
        return database.getCollection(READ_POSITIONS);
    }

    private MongoCollection<Document> directConversations() {
        return database.getCollection(DIRECT_CONVERSATIONS);
    }

    private MongoCollection<Document> pins() {
        return database.getCollection(PINS);
    }
}
