package dev.studybuddy.query.file;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;

/**
 * The {@code Content-Disposition} of a download (RFC 6266): {@code filename*} carries the name in UTF-8, for the
 * clients that read it (every browser), and {@code filename} a plain ASCII stand-in for those that do not (curl's
 * {@code -J}, older tools). Spring writes {@code filename} as an RFC 2047 encoded word ({@code =?UTF-8?Q?…?=}),
 * which HTTP does not know: such a client saved {@code notes.png} as {@code =?UTF-8?Q?notes.png?=}. Its
 * {@code filename*} (RFC 8187's percent-encoding) is kept as Spring writes it.
 */
final class DownloadNames {

    private static final String ENCODED_NAME = "; filename*=";

    private DownloadNames() {}

    static String contentDisposition(boolean inline, String name) {
        String spring =
                builder(inline).filename(name, StandardCharsets.UTF_8).build().toString();
        return builder(inline).filename(asciiStandIn(name)).build() + spring.substring(spring.indexOf(ENCODED_NAME));
    }

    /** The name with each character that is not printable ASCII, or is a quote or backslash, as {@code _}. */
    static String asciiStandIn(String name) {
        StringBuilder ascii = new StringBuilder(name.length());
        name.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? (char) c : '_'));
        return ascii.toString();
    }

    private static ContentDisposition.Builder builder(boolean inline) {
        return inline ? ContentDisposition.inline() : ContentDisposition.attachment();
    }
}
