package dev.studybuddy.query.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.Document;

/**
 * A copy of one message's reactions as {@code chat_messages} stores them ({@code [{emoji, users}]}, emoji in the order
 * first given), to change one user's reaction in and store back.
 */
final class MessageReactions {

    private final List<Document> reactions = new ArrayList<>();

    private MessageReactions() {}

    /** The reactions the message document holds (none if it has no {@code reactions}); the document stays as it is. */
    static MessageReactions of(Document message) {
        MessageReactions copy = new MessageReactions();
        List<Document> stored = message.getList("reactions", Document.class);
        if (stored != null) {
            stored.forEach(reaction -> copy.reactions.add(new Document("emoji", reaction.getString("emoji"))
                    .append("users", new ArrayList<>(reaction.getList("users", String.class)))));
        }
        return copy;
    }

    /**
     * Gives ({@code added}) or takes back the user's reaction with that emoji; an emoji nobody gives any more is gone.
     *
     * @return how many now react with that emoji
     */
    int change(String emoji, UUID userId, boolean added) {
        Document reaction = reactions.stream()
                .filter(entry -> emoji.equals(entry.getString("emoji")))
                .findFirst()
                .orElseGet(() -> {
                    Document created = new Document("emoji", emoji).append("users", new ArrayList<String>());
                    reactions.add(created);
                    return created;
                });
        List<String> users = reaction.getList("users", String.class);
        users.remove(userId.toString());
        if (added) {
            users.add(userId.toString());
        } else if (users.isEmpty()) {
            reactions.remove(reaction);
        }
        return users.size();
    }

    /** The reactions as they are to be stored. */
    List<Document> asStored() {
        return reactions;
    }
}
