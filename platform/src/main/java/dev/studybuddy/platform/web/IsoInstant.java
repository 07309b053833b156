package dev.studybuddy.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.Instant;

/**
 * An instant a client sends, as an ISO-8601 string with its offset only ({@code 2027-01-01T10:00:00Z}). Jackson also
 * reads a number as seconds since the epoch, which a client sending milliseconds (JavaScript's {@code Date.now()})
 * cannot tell from a mistake; for a request field, {@code @JsonDeserialize(using = IsoInstant.class)}.
 */
public class IsoInstant extends StdScalarDeserializer<Instant> {

    public IsoInstant() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            return (Instant) context.handleUnexpectedToken(Instant.class, parser);
        }
        return InstantDeserializer.INSTANT.deserialize(parser, context);
    }
}
