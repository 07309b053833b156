package dev.studybuddy.query.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import dev.studybuddy.query.chat.ChatMessageView;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * Pins the JSON of every live frame (docs/api.md): the exact fields, in order, and the type each is read back as.
 * A change here is a change of the wire that clients and older nodes read.
 */
class LiveUpdateJsonTest {

    /** Configured as Spring Boot configures the service's own (ISO dates, unknown properties ignored). */
    private final ObjectMapper json = Jackson2ObjectMapperBuilder.json()
            .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private static final String CONVERSATION = "group:7f3c1a3e-0000-4000-8000-000000000001";
    private static final UUID MESSAGE = UUID.fromString("7f3c1a3e-0000-4000-8000-000000000002");
    private static final UUID USER = UUID.fromString("7f3c1a3e-0000-4000-8000-000000000003");
    private static final UUID FILE = UUID.fromString("7f3c1a3e-0000-4000-8000-000000000004");
    private static final Instant AT = Instant.parse("2026-12-03T02:30:00.123Z");

    @Test
    void messagePosted() throws Exception {
        pins(new LiveUpdate.MessagePosted(CONVERSATION, 12, message()), """
                {"type":"message.posted","conversationId":"%s","seq":12,"message":{"seq":10,"body":"hi"}}""");
    }

    /** The message of a {@code message.*} frame is chat's view, written exactly as the history returns it. */
    @Test
    void theMessageIsTheViewAsTheHistoryShowsIt() throws Exception {
        ChatMessageView view = new ChatMessageView(
                CONVERSATION,
                10,
                12,
                MESSAGE,
                USER,
                "hi",
                List.of(USER),
                null,
                List.of(),
                AT,
                AT,
                null,
                false,
                List.of(new ChatMessageView.Reaction("👍", 1, false)));

        JsonNode frame = json.readTree(json.writeValueAsString(new LiveUpdate.MessagePosted(CONVERSATION, 12, view)));

        assertThat(frame.get("message")).isEqualTo(json.readTree(json.writeValueAsString(view)));
        assertThat(frame.get("message").get("reactions").get(0).get("emoji").asText())
                .isEqualTo("👍");
    }

    @Test
    void messageEdited() throws Exception {
        pins(new LiveUpdate.MessageEdited(CONVERSATION, 12, message()), """
                {"type":"message.edited","conversationId":"%s","seq":12,"message":{"seq":10,"body":"hi"}}""");
    }

    @Test
    void messageDeleted() throws Exception {
        pins(new LiveUpdate.MessageDeleted(CONVERSATION, 12, message()), """
                {"type":"message.deleted","conversationId":"%s","seq":12,"message":{"seq":10,"body":"hi"}}""");
    }

    @Test
    void messagePinned() throws Exception {
        pins(new LiveUpdate.MessagePinned(CONVERSATION, 13, MESSAGE, USER, AT, message()), """
                {"type":"message.pinned","conversationId":"%s","seq":13,"messageId":"%s","pinnedBy":"%s",\
                "pinnedAt":"2026-12-03T02:30:00.123Z","message":{"seq":10,"body":"hi"}}""", MESSAGE, USER);
    }

    @Test
    void messageUnpinned() throws Exception {
        pins(new LiveUpdate.MessageUnpinned(CONVERSATION, 14, MESSAGE, USER), """
                {"type":"message.unpinned","conversationId":"%s","seq":14,"messageId":"%s","unpinnedBy":"%s"}""", MESSAGE, USER);
    }

    @Test
    void reactionChanged() throws Exception {
        pins(new LiveUpdate.ReactionChanged(CONVERSATION, 15, MESSAGE, USER, "👍", true, 2), """
                {"type":"reaction.changed","conversationId":"%s","seq":15,"messageId":"%s","userId":"%s",\
                "emoji":"👍","added":true,"count":2}""", MESSAGE, USER);
    }

    @Test
    void attachmentRemoved() throws Exception {
        pins(new LiveUpdate.AttachmentRemoved(CONVERSATION, 10, MESSAGE, FILE), """
                {"type":"attachment.removed","conversationId":"%s","seq":10,"messageId":"%s","fileId":"%s"}""", MESSAGE, FILE);
    }

    @Test
    void memberJoined() throws Exception {
        pins(new LiveUpdate.MemberJoined(CONVERSATION, 3, USER), """
                {"type":"member.joined","conversationId":"%s","seq":3,"userId":"%s","reason":"joined"}""", USER);
    }

    @Test
    void memberLeftForEachReason() throws Exception {
        pins(new LiveUpdate.MemberLeft(CONVERSATION, 4, USER, LiveUpdate.Departure.LEFT), """
                {"type":"member.left","conversationId":"%s","seq":4,"userId":"%s","reason":"left"}""", USER);
        pins(new LiveUpdate.MemberLeft(CONVERSATION, 4, USER, LiveUpdate.Departure.REMOVED), """
                {"type":"member.left","conversationId":"%s","seq":4,"userId":"%s","reason":"removed"}""", USER);
        pins(new LiveUpdate.MemberLeft(CONVERSATION, 4, USER, LiveUpdate.Departure.BANNED), """
                {"type":"member.left","conversationId":"%s","seq":4,"userId":"%s","reason":"banned"}""", USER);
    }

    @Test
    void typingHasNoSeq() throws Exception {
        pins(new LiveUpdate.Typing(CONVERSATION, USER), """
                {"type":"typing","conversationId":"%s","userId":"%s"}""", USER);
    }

    @Test
    void readAdvancedHasNoSeq() throws Exception {
        pins(new LiveUpdate.ReadAdvanced("direct:a_b", USER, 41), """
                {"type":"read.advanced","conversationId":"direct:a_b","userId":"%s","readSeq":41}""", USER);
    }

    /** On Redis with its recipients; RedisFanOut forwards it without them. */
    @Test
    void presenceChanged() throws Exception {
        UUID friend = FILE;
        pins(new LiveUpdate.PresenceChanged(USER, "away", AT, List.of(friend)), """
                {"type":"presence.changed","userId":"%s","status":"away","lastSeenAt":"2026-12-03T02:30:00.123Z",\
                "to":["%s"]}""", USER, friend);
        pins(new LiveUpdate.PresenceChanged(USER, "offline", null, null), """
                {"type":"presence.changed","userId":"%s","status":"offline","lastSeenAt":null}""", USER);
    }

    /** As notification-saga's InAppDelivery writes it; query-side only forwards it. */
    @Test
    void notificationArrived() throws Exception {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", MESSAGE.toString());
        item.put("type", "friend-request.received");
        item.put("payload", Map.of("friendshipId", "a_b"));
        item.put("createdAt", "2026-12-03T02:30:00.123Z");
        pins(new LiveUpdate.NotificationArrived(USER, item), """
                {"type":"notification","recipient":"%s","notification":{"id":"%s","type":"friend-request.received",\
                "payload":{"friendshipId":"a_b"},"createdAt":"2026-12-03T02:30:00.123Z"}}""", USER, MESSAGE);
    }

    @Test
    void aTypeNamesItsFrame() {
        assertThat(new LiveUpdate.MemberLeft(CONVERSATION, 4, USER, LiveUpdate.Departure.LEFT).type())
                .isEqualTo("member.left");
        assertThat(new LiveUpdate.Typing(CONVERSATION, USER).type()).isEqualTo("typing");
        assertThat(LiveUpdate.typeOf(LiveUpdate.PresenceChanged.class)).isEqualTo("presence.changed");
    }

    /** A newer node may add fields; this one reads the frame all the same. */
    @Test
    void fieldsItDoesNotKnowAreIgnored() throws Exception {
        String frame = """
                {"type":"member.left","conversationId":"%s","seq":4,"userId":"%s","reason":"banned","until":"x"}""".formatted(CONVERSATION, USER);

        assertThat(json.readValue(frame, LiveUpdate.class))
                .isEqualTo(new LiveUpdate.MemberLeft(CONVERSATION, 4, USER, LiveUpdate.Departure.BANNED));
    }

    /** RedisFanOut forwards such a frame as it came instead of reading it as a LiveUpdate. */
    @Test
    void aTypeItDoesNotKnowIsNoLiveUpdate() {
        assertThatThrownBy(
                        () -> json.readValue("{\"type\":\"poll.closed\",\"conversationId\":\"x\"}", LiveUpdate.class))
                .isInstanceOf(InvalidTypeIdException.class);
    }

    private static Map<String, Object> message() {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("seq", 10);
        message.put("body", "hi");
        return message;
    }

    /** Written exactly as {@code expected} (conversation id first among the format arguments), and read back equal. */
    private void pins(LiveUpdate update, String expected, Object... ids) throws Exception {
        Object[] arguments = new Object[ids.length + 1];
        arguments[0] = CONVERSATION;
        System.arraycopy(ids, 0, arguments, 1, ids.length);
        String wire = expected.contains("%s") && expected.indexOf("\"conversationId\":\"%s\"") >= 0
                ? expected.formatted(arguments)
                : expected.formatted(ids);

        assertThat(json.writeValueAsString(update)).isEqualTo(wire);
        assertThat(json.readValue(wire, LiveUpdate.class)).isEqualTo(update);
        JsonNode tree = json.readTree(wire);
        assertThat(tree.path("type").asText()).isEqualTo(update.type());
    }
}
