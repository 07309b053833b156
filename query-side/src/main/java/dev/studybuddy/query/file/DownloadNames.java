package dev.studybuddy.query.file;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;

/**
 * The {@code Content-Disposition} of a download (RFC 6266): {@code filename*} carries the name in UTF-8, for the
 * clients that read it (every browser), and {@code filename} a plain ASCII stand-in for those that do not (curl's
 * {@code -J}, older tools). Spring writes {@code filename} as an RFC 2047 encoded word ({@code =?UTF-8?Q?…?=}),
 * which HTTP does not know: such a client saved {@code notes.png} as {@code =?UTF-8?Q?notes.png?=}.
 */
final class DownloadNames {

    private static final String ATTRIBUTE_CHARACTERS = "!#$&+-.^_`|~";

    private DownloadNames() {}

    static String contentDisposition(boolean inline, String name) {
        ContentDisposition.Builder disposition = inline ? ContentDisposition.inline() : ContentDisposition.attachment();
        return disposition.filename(asciiStandIn(name)).build() + "; filename*=UTF-8''" + encoded(name);
    }

    /** The name with each character that is not printable ASCII, or is a quote or backslash, as {@code _}. */
    static String asciiStandIn(String name) {
        StringBuilder ascii = new StringBuilder(name.length());
        name.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? (char) c : '_'));
        return ascii.toString();
    }

    /** RFC 8187's percent-encoding of the name's UTF-8 bytes (what is not an attribute character). */
    static String encoded(String name) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (Character.isLetterOrDigit(c) && c < 0x80 || ATTRIBUTE_CHARACTERS.indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return encoded.toString();
    }
}
