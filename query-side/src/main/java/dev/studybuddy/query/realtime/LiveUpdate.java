package dev.studybuddy.query.realtime;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A live frame as WebSocket clients receive it and as it travels between nodes over Redis: one record per frame
 * type, whose wire {@code type} is the {@link JsonTypeName} on that record and nowhere else. Jackson writes the
 * {@code type} first and the record's components after it, so the JSON is what docs/api.md describes;
 * {@code LiveUpdateJsonTest} pins every shape. Fields a newer node adds are ignored when read here, and a type
 * this node does not know is not a {@code LiveUpdate} at all ({@link RedisFanOut} forwards it as it came).
 * <p>
 * The message of the {@code message.*} frames is chat's view of it ({@code chat.ChatMessageView}); it is typed
 * {@link Object} because chat publishes through this package, not the other way round. Read back from Redis it
 * is the view's JSON as a map.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(LiveUpdate.MessagePosted.class),
    @JsonSubTypes.Type(LiveUpdate.MessageEdited.class),
    @JsonSubTypes.Type(LiveUpdate.MessageDeleted.class),
    @JsonSubTypes.Type(LiveUpdate.MessagePinned.class),
    @JsonSubTypes.Type(LiveUpdate.MessageUnpinned.class),
    @JsonSubTypes.Type(LiveUpdate.ReactionChanged.class),
    @JsonSubTypes.Type(LiveUpdate.AttachmentRemoved.class),
    @JsonSubTypes.Type(LiveUpdate.MemberJoined.class),
    @JsonSubTypes.Type(LiveUpdate.MemberLeft.class),
    @JsonSubTypes.Type(LiveUpdate.Typing.class),
    @JsonSubTypes.Type(LiveUpdate.ReadAdvanced.class),
    @JsonSubTypes.Type(LiveUpdate.NotificationArrived.class),
    @JsonSubTypes.Type(LiveUpdate.PresenceChanged.class)
})
@JsonIgnoreProperties(ignoreUnknown = true)
public sealed interface LiveUpdate {

    /** The wire name of this frame's type, e.g. {@code member.left}. */
    default String type() {
        return typeOf(getClass());
    }

    /** The wire name of a frame type, e.g. {@code member.left} for {@link MemberLeft}. */
    static String typeOf(Class<? extends LiveUpdate> frame) {
        return frame.getAnnotation(JsonTypeName.class).value();
    }

    /** A message was posted; {@code seq} is the message's {@code changeSeq}. */
    @JsonTypeName("message.posted")
    @JsonPropertyOrder({"conversationId", "seq", "message"})
    record MessagePosted(String conversationId, long seq, Object message) implements LiveUpdate {}

    /** A message was edited; {@code seq} is the message's {@code changeSeq}. */
    @JsonTypeName("message.edited")
    @JsonPropertyOrder({"conversationId", "seq", "message"})
    record MessageEdited(String conversationId, long seq, Object message) implements LiveUpdate {}

    /** A message was deleted; {@code seq} is the message's {@code changeSeq}. */
    @JsonTypeName("message.deleted")
    @JsonPropertyOrder({"conversationId", "seq", "message"})
    record MessageDeleted(String conversationId, long seq, Object message) implements LiveUpdate {}

    /** A message was pinned: a pins list item but its seq, which is the seq of the pinning event. */
    @JsonTypeName("message.pinned")
    @JsonPropertyOrder({"conversationId", "seq", "messageId", "pinnedBy", "pinnedAt", "message"})
    record MessagePinned(
            String conversationId, long seq, UUID messageId, UUID pinnedBy, Instant pinnedAt, Object message)
            implements LiveUpdate {}

    @JsonTypeName("message.unpinned")
    @JsonPropertyOrder({"conversationId", "seq", "messageId", "unpinnedBy"})
    record MessageUnpinned(String conversationId, long seq, UUID messageId, UUID unpinnedBy) implements LiveUpdate {}

    /** A reaction given ({@code added}) or taken back; {@code seq} is the message's new {@code changeSeq}. */
    @JsonTypeName("reaction.changed")
    @JsonPropertyOrder({"conversationId", "seq", "messageId", "userId", "emoji", "added", "count"})
    record ReactionChanged(
            String conversationId, long seq, UUID messageId, UUID userId, String emoji, boolean added, int count)
            implements LiveUpdate {}

    /** A file that the message carries was deleted; {@code seq} is the message's. */
    @JsonTypeName("attachment.removed")
    @JsonPropertyOrder({"conversationId", "seq", "messageId", "fileId"})
    record AttachmentRemoved(String conversationId, long seq, UUID messageId, UUID fileId) implements LiveUpdate {}

    /** Lifts what a {@link MemberLeft} of the same user ended. */
    @JsonTypeName("member.joined")
    @JsonPropertyOrder({"conversationId", "seq", "userId", "reason"})
    record MemberJoined(String conversationId, long seq, UUID userId) implements LiveUpdate {

        @JsonProperty("reason")
        String reason() {
            return "joined";
        }
    }

    /** Delivered to the group, the leaver included; then ends the leaver's subscriptions to it. */
    @JsonTypeName("member.left")
    @JsonPropertyOrder({"conversationId", "seq", "userId", "reason"})
    record MemberLeft(String conversationId, long seq, UUID userId, Departure reason) implements LiveUpdate {}

    /** Why a {@link MemberLeft} left. */
    enum Departure {
        @JsonProperty("left")
        LEFT,
        @JsonProperty("removed")
        REMOVED,
        @JsonProperty("banned")
        BANNED
    }

    /** Ephemeral, never stored: no seq. */
    @JsonTypeName("typing")
    @JsonPropertyOrder({"conversationId", "userId"})
    record Typing(String conversationId, UUID userId) implements LiveUpdate {}

    /** To one friend of a pair: the other has read up to {@code readSeq}. No seq of its own. */
    @JsonTypeName("read.advanced")
    @JsonPropertyOrder({"conversationId", "userId", "readSeq"})
    record ReadAdvanced(String conversationId, UUID userId, long readSeq) implements LiveUpdate {}

    /**
     * An in-app notification, published by notification-saga (its {@code delivery.InAppDelivery}) and only
     * forwarded here; {@code notification} is its inbox item {@code {id, type, payload, createdAt}}.
     */
    /**
     * A user's presence as their friends now see it ({@code status} is {@code online}, {@code away} or
     * {@code offline}: presence's {@code PresenceStatus}), for each friend's {@code /user/queue/presence}. On Redis it
     * carries its recipients in {@code to}; {@link RedisFanOut} takes them off before forwarding it.
     */
    @JsonTypeName("presence.changed")
    @JsonPropertyOrder({"userId", "status", "lastSeenAt", "to"})
    record PresenceChanged(
            UUID userId,
            String status,
            Instant lastSeenAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<UUID> to) implements LiveUpdate {}

    @JsonTypeName("notification")
    @JsonPropertyOrder({"recipient", "notification"})
    record NotificationArrived(UUID recipient, Object notification) implements LiveUpdate {}
}
