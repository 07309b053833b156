package dev.studybuddy.query.realtime;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeTypeUtils;

/** A live frame as the bytes another node published: its type read without parsing the rest, and sent as is. */
final class FrameType {

    private static final String TYPE = "type";

    private FrameType() {}

    /**
     * The frame's top-level {@code type}, or {@code ""} when it has none. A {@link LiveUpdate} writes its type first,
     * so this usually reads one field; the others are skipped, not parsed into values.
     *
     * @throws IOException when the JSON is broken before the type is found
     */
    static String of(ObjectMapper json, byte[] frame) throws IOException {
        try (JsonParser parser = json.getFactory().createParser(frame)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return "";
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                boolean isType = TYPE.equals(parser.currentName());
                JsonToken value = parser.nextToken();
                if (isType) {
                    return value == JsonToken.VALUE_STRING ? parser.getText() : "";
                }
                parser.skipChildren();
            }
            return "";
        }
    }

    /** The frame as a STOMP message with the content type the broker's JSON converter would have given it. */
    static Message<byte[]> asJson(byte[] frame) {
        SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create();
        headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
        headers.setLeaveMutable(true);
        return MessageBuilder.createMessage(frame, headers.getMessageHeaders());
    }
}
