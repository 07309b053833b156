package dev.studybuddy.command.file;

import java.text.Normalizer;

/**
 * Turns the name a client sent into one that is safe to keep and to show: no directories, no control
 * characters (NUL included) or bidirectional overrides, no leading dots, at most {@link #MAX_LENGTH}
 * characters. It is metadata only; storage keys never come from it.
 */
final class FileNames {

    static final int MAX_LENGTH = 200;
    static final String FALLBACK = "file";

    private FileNames() {}

    static String sanitize(String name) {
        if (name == null) {
            return FALLBACK;
        }
        String normalized = Normalizer.normalize(name, Normalizer.Form.NFC);
        StringBuilder kept = new StringBuilder(normalized.length());
        normalized.codePoints().filter(FileNames::isAllowed).forEach(kept::appendCodePoint);
        String base = kept.toString();
        int lastSeparator = Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\'));
        base = base.substring(lastSeparator + 1).strip();
        while (base.startsWith(".")) {
            base = base.substring(1);
        }
        base = base.strip();
        if (base.isEmpty()) {
            return FALLBACK;
        }
        return shorten(base);
    }

    /** Keeps the extension when it shortens, since that is what a reader recognises. */
    private static String shorten(String name) {
        if (name.codePointCount(0, name.length()) <= MAX_LENGTH) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
        String stem = name.substring(0, name.length() - extension.length());
        int keep = MAX_LENGTH - extension.length();
        return stem.substring(0, stem.offsetByCodePoints(0, keep)) + extension;
    }

    private static boolean isAllowed(int codePoint) {
        if (Character.isISOControl(codePoint)) {
            return false;
        }
        int type = Character.getType(codePoint);
        if (type == Character.FORMAT
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.SURROGATE
                || type == Character.PRIVATE_USE
                || type == Character.UNASSIGNED) {
            return false;
        }
        return codePoint != ':'
                && codePoint != '*'
                && codePoint != '?'
                && codePoint != '"'
                && codePoint != '<'
                && codePoint != '>'
                && codePoint != '|';
    }
}
