package dev.studybuddy.api.chat;

import dev.studybuddy.api.text.TypedText;
import java.util.List;
import java.util.UUID;

/** The intrinsic limits of a chat message. */
public final class MessageRules {

    public static final int MAX_BODY = 4_000;
    public static final int MAX_ATTACHMENTS = 10;
    public static final int MAX_MENTIONS = 50;
    /** Messages pinned in one conversation at once: a pin board, not a second history. */
    public static final int MAX_PINS = 50;

    private MessageRules() {}

    /** Trims the body and checks it is 1 to 4,000 characters. */
    public static String requireBody(String body) {
        String trimmed = body == null ? "" : body.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_BODY) {
            throw new IllegalArgumentException("body must be 1-" + MAX_BODY + " characters after trimming");
        }
        return TypedText.requireText("body", trimmed);
    }

    public static List<UUID> requireAttachments(List<UUID> attachments) {
        List<UUID> copy = attachments == null ? List.of() : List.copyOf(attachments);
        if (copy.size() > MAX_ATTACHMENTS) {
            throw new IllegalArgumentException("at most " + MAX_ATTACHMENTS + " attachments");
        }
        if (copy.stream().distinct().count() != copy.size()) {
            throw new IllegalArgumentException("an attachment is listed twice");
        }
        return copy;
    }

    public static List<UUID> requireMentions(List<UUID> mentions) {
        List<UUID> copy =
                mentions == null ? List.of() : mentions.stream().distinct().toList();
        if (copy.size() > MAX_MENTIONS) {
            throw new IllegalArgumentException("at most " + MAX_MENTIONS + " mentions");
        }
        return copy;
    }
}
