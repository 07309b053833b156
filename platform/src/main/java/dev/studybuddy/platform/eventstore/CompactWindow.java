package dev.studybuddy.platform.eventstore;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A Mongo token's look-back window (event id → timestamp, in order) as it is stored: bytes (Base64 text in the token's
 * JSON) instead of a JSON object with a member per event. A window holds every event of the last second, so the JSON
 * form grew with the event rate (~53 bytes an event: 10.6 KB at 200 events/s), and every processor wrote it with each
 * batch's token. Here an id that is a UUID in its canonical form (Axon's own) takes 16 bytes and a time the varint of
 * its distance from the token's timestamp, about 19 bytes an event; any other id is kept as its UTF-8 text. Order is
 * kept, as the token trims the oldest events first (docs/adr/0025).
 */
final class CompactWindow {

    private static final int VERSION = 1;
    private static final int UUID_ID = 0;
    private static final int TEXT_ID = 1;

    private CompactWindow() {}

    static byte[] encode(long timestamp, Map<String, Long> events) {
        Writer out = new Writer(1 + events.size() * 20);
        out.write(VERSION);
        for (Map.Entry<String, Long> event : events.entrySet()) {
            String id = event.getKey();
            if (!out.writeUuid(id)) {
                byte[] text = id.getBytes(StandardCharsets.UTF_8);
                out.write(TEXT_ID);
                out.writeVarLong(text.length);
                out.write(text);
            }
            long distance = timestamp - event.getValue();
            out.writeVarLong((distance << 1) ^ (distance >> 63));
        }
        return out.toByteArray();
    }

    static Map<String, Long> decode(long timestamp, byte[] bytes) {
        Reader in = new Reader(bytes);
        int version = in.next();
        if (version != VERSION) {
            throw new IllegalArgumentException("Unknown version " + version + " of a token's window");
        }
        Map<String, Long> events = new LinkedHashMap<>();
        while (in.position < bytes.length) {
            int kind = in.next();
            String id;
            if (kind == UUID_ID) {
                id = new UUID(in.nextLong(), in.nextLong()).toString();
            } else if (kind == TEXT_ID) {
                int length = (int) in.nextVarLong();
                id = new String(bytes, in.position, length, StandardCharsets.UTF_8);
                in.position += length;
            } else {
                throw new IllegalArgumentException("Unknown kind " + kind + " of event id in a token's window");
            }
            long zigzag = in.nextVarLong();
            events.put(id, timestamp - ((zigzag >>> 1) ^ -(zigzag & 1)));
        }
        return events;
    }

    private static int lowerHex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    }

    /** A growing byte array: a ByteArrayOutputStream would lock for every byte. */
    private static final class Writer {

        private byte[] bytes;
        private int size;

        Writer(int capacity) {
            bytes = new byte[capacity];
        }

        void write(int b) {
            ensure(1);
            bytes[size++] = (byte) b;
        }

        void write(byte[] more) {
            ensure(more.length);
            System.arraycopy(more, 0, bytes, size, more.length);
            size += more.length;
        }

        void writeVarLong(long value) {
            ensure(10);
            while ((value & ~0x7FL) != 0) {
                bytes[size++] = (byte) ((value & 0x7F) | 0x80);
                value >>>= 7;
            }
            bytes[size++] = (byte) value;
        }

        /**
         * Writes the id as a UUID if it is one exactly as {@link UUID#toString()} writes it (so that it decodes to the
         * same text); else writes nothing and answers false.
         */
        boolean writeUuid(String id) {
            if (id.length() != 36) {
                return false;
            }
            ensure(17);
            int at = size + 1;
            for (int i = 0; i < 36; ) {
                if (i == 8 || i == 13 || i == 18 || i == 23) {
                    if (id.charAt(i) != '-') {
                        return false;
                    }
                    i++;
                    continue;
                }
                int high = lowerHex(id.charAt(i));
                int low = lowerHex(id.charAt(i + 1));
                if (high < 0 || low < 0) {
                    return false;
                }
                bytes[at++] = (byte) (high << 4 | low);
                i += 2;
            }
            bytes[size] = UUID_ID;
            size = at;
            return true;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, size);
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }
    }

    private static final class Reader {

        private final byte[] bytes;
        private int position;

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        int next() {
            return bytes[position++] & 0xFF;
        }

        long nextLong() {
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = value << 8 | next();
            }
            return value;
        }

        long nextVarLong() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = next();
                value |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("A varint longer than 64 bits in a token's window");
        }
    }
}
