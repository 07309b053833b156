package dev.studybuddy.api.text;

/**
 * The one rule for text that people type, applied by every command that carries some. Free text
 * (bios, descriptions, message bodies) may hold newlines and tabs but no other control character:
 * PostgreSQL refuses NUL outright, and the others only corrupt logs, e-mails and terminals. Names
 * (display names, group names, titles) are single lines, and hold no bidirectional override or isolate
 * either, which would let a name display as another.
 */
public final class TypedText {

    private TypedText() {}

    /** Returns the text unchanged, or throws {@link InvalidTextException} naming the field. */
    public static String requireText(String field, String text) {
        if (text != null) {
            text.codePoints()
                    .filter(c -> Character.isISOControl(c) && c != '\n' && c != '\t')
                    .findFirst()
                    .ifPresent(c -> {
                        throw new InvalidTextException(field, field + " must not contain control characters");
                    });
        }
        return text;
    }

    /** Returns the name unchanged, or throws {@link InvalidTextException} naming the field. */
    public static String requireName(String field, String name) {
        if (name != null) {
            name.codePoints()
                    .filter(c -> Character.isISOControl(c) || isBidiControl(c))
                    .findFirst()
                    .ifPresent(c -> {
                        throw new InvalidTextException(
                                field, field + " must not contain control or bidirectional formatting characters");
                    });
        }
        return name;
    }

    private static boolean isBidiControl(int c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }
}
