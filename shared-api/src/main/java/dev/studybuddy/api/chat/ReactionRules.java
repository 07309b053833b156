package dev.studybuddy.api.chat;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a reaction may be: one emoji of Unicode's recommended set (a skin tone, a ZWJ family, a flag, a keycap are one;
 * ICU's {@code RGI_EMOJI}) or a {@code :short_name:} of {@link #SHORT_NAMES}; and how many different ones a message
 * carries.
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

    private static final String PRESENTATION_SELECTOR = "\uFE0F";

    private static final Pattern ONE_GRAPHEME = Pattern.compile("\\X");

    private ReactionRules() {}

    /**
     * The reaction as it is kept: a short name of the list, or one emoji of Unicode's recommended set (RGI: what
     * every platform draws), in its fully qualified form, so that a heart typed without its presentation selector
     * (U+2764) and one with it (U+2764 U+FE0F) are the same reaction.
     *
     * @throws IllegalArgumentException unless {@code emoji} is one emoji or a known short name
     */
    public static String requireEmoji(String emoji) {
        if (emoji == null || emoji.isEmpty() || emoji.length() > MAX_EMOJI_LENGTH) {
            throw notAnEmoji();
        }
        if (SHORT_NAMES.contains(emoji) || isRecommendedEmoji(emoji)) {
            return emoji;
        }
        int first = Character.charCount(emoji.codePointAt(0));
        String qualified = emoji.substring(0, first) + PRESENTATION_SELECTOR + emoji.substring(first);
        if (!emoji.contains(PRESENTATION_SELECTOR) && isRecommendedEmoji(qualified)) {
            return qualified;
        }
        throw notAnEmoji();
    }

    /**
     * A reaction to take back: any single grapheme or short name, as a reaction given before these rules may be one
     * they now refuse (an arrow, a heart without its presentation selector), and its giver must be able to take it
     * back. Kept as sent; {@link #formsOf} names what it may be stored as.
     *
     * @throws IllegalArgumentException for text that no reaction ever was
     */
    public static String requireRemovable(String emoji) {
        if (emoji == null
                || emoji.isEmpty()
                || emoji.length() > MAX_EMOJI_LENGTH
                || emoji.codePoints().anyMatch(Character::isISOControl)
                || !(SHORT_NAMES.contains(emoji) || ONE_GRAPHEME.matcher(emoji).matches())) {
            throw notAnEmoji();
        }
        return emoji;
    }

    /** The forms a reaction may be stored as: as sent, and its fully qualified form if it has another. */
    public static List<String> formsOf(String emoji) {
        try {
            String kept = requireEmoji(emoji);
            return kept.equals(emoji) ? List.of(emoji) : List.of(emoji, kept);
        } catch (IllegalArgumentException refusedNow) {
            return List.of(emoji);
        }
    }

    private static boolean isRecommendedEmoji(String text) {
        return UCharacter.hasBinaryProperty(text, UProperty.RGI_EMOJI);
    }

    private static IllegalArgumentException notAnEmoji() {
        return new IllegalArgumentException("emoji must be one emoji or a :short_name: of the list");
    }
}
