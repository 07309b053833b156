package dev.studybuddy.api.chat;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a reaction may be: one Unicode emoji (a single grapheme: a skin tone, a ZWJ family, a flag, a keycap are
 * one) or a {@code :short_name:} of {@link #SHORT_NAMES}; and how many different ones a message carries.
 */
public final class ReactionRules {

    /** Different emoji on one message; each may be chosen by any number of people. */
    public static final int MAX_EMOJI_PER_MESSAGE = 20;

    /** The short names clients may send instead of the emoji itself; fixed, so that every client can draw them. */
    public static final Set<String> SHORT_NAMES = Set.of(
            ":thumbsup:",
            ":thumbsdown:",
            ":heart:",
            ":joy:",
            ":smile:",
            ":laughing:",
            ":wink:",
            ":thinking:",
            ":tada:",
            ":fire:",
            ":eyes:",
            ":rocket:",
            ":clap:",
            ":pray:",
            ":ok_hand:",
            ":wave:",
            ":100:",
            ":white_check_mark:",
            ":x:",
            ":question:",
            ":exclamation:",
            ":star:",
            ":sparkles:",
            ":cry:",
            ":sob:",
            ":muscle:",
            ":raised_hands:",
            ":bulb:",
            ":books:",
            ":memo:",
            ":coffee:",
            ":brain:");

    /** Long enough for the longest ZWJ sequences and tag flags (in UTF-16 units). */
    private static final int MAX_EMOJI_LENGTH = 32;

    private static final Pattern ONE_GRAPHEME = Pattern.compile("\\X");

    private ReactionRules() {}

    /** @throws IllegalArgumentException unless {@code emoji} is one emoji or a known short name */
    public static String requireEmoji(String emoji) {
        if (emoji == null || emoji.isEmpty() || emoji.length() > MAX_EMOJI_LENGTH) {
            throw new IllegalArgumentException("emoji must be one emoji or a :short_name: of the list");
        }
        if (SHORT_NAMES.contains(emoji) || isOneEmoji(emoji)) {
            return emoji;
        }
        throw new IllegalArgumentException("emoji must be one emoji or a :short_name: of the list");
    }

    private static boolean isOneEmoji(String text) {
        if (!ONE_GRAPHEME.matcher(text).matches()) {
            return false;
        }
        int first = text.codePointAt(0);
        if (isKeycapBase(first)) {
            return text.endsWith("\u20E3") && text.codePoints().skip(1).allMatch(ReactionRules::isEmojiPart);
        }
        return isPictograph(first) && text.codePoints().allMatch(cp -> isPictograph(cp) || isEmojiPart(cp));
    }

    private static boolean isKeycapBase(int cp) {
        return cp == '#' || cp == '*' || (cp >= '0' && cp <= '9');
    }

    /** Code points that are emoji by themselves (Java 17 has no Character.isEmoji). */
    private static boolean isPictograph(int cp) {
        return (cp >= 0x1F000 && cp <= 0x1FAFF) // symbols and pictographs, flags' regional indicators, skin tones
                || (cp >= 0x2600 && cp <= 0x27BF) // miscellaneous symbols, dingbats
                || (cp >= 0x2300 && cp <= 0x23FF) // technical: watch, hourglass, keyboard
                || (cp >= 0x2B00 && cp <= 0x2BFF) // arrows, stars, circles
                || (cp >= 0x2190 && cp <= 0x21FF) // arrows
                || cp == 0x00A9
                || cp == 0x00AE
                || cp == 0x203C
                || cp == 0x2049
                || cp == 0x2122
                || cp == 0x2139
                || cp == 0x24C2
                || cp == 0x25AA
                || cp == 0x25AB
                || cp == 0x25B6
                || cp == 0x25C0
                || (cp >= 0x25FB && cp <= 0x25FE)
                || cp == 0x3030
                || cp == 0x303D
                || cp == 0x3297
                || cp == 0x3299;
    }

    /** What joins or modifies emoji inside one grapheme: ZWJ, variation selectors, the keycap, tag characters. */
    private static boolean isEmojiPart(int cp) {
        return cp == 0x200D || cp == 0xFE0F || cp == 0xFE0E || cp == 0x20E3 || (cp >= 0xE0020 && cp <= 0xE007F);
    }
}
