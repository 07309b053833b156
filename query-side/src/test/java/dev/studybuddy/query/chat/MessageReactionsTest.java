package dev.studybuddy.query.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class MessageReactionsTest {

    private static final UUID ANN = UUID.randomUUID();
    private static final UUID BEN = UUID.randomUUID();

    @Test
    void reactionsAreKeptPerEmojiInTheOrderFirstGivenAndAnEmojiNobodyGivesIsGone() {
        MessageReactions reactions = MessageReactions.of(new Document());

        assertThat(reactions.change(":tada:", ANN, true)).isEqualTo(1);
        assertThat(reactions.change(":heart:", BEN, true)).isEqualTo(1);
        assertThat(reactions.change(":tada:", BEN, true)).isEqualTo(2);
        assertThat(reactions.change(":tada:", BEN, true)).as("given again").isEqualTo(2);
        assertThat(emoji(reactions)).containsExactly(":tada:", ":heart:");

        assertThat(reactions.change(":heart:", BEN, false)).isZero();
        assertThat(reactions.change(":tada:", ANN, false)).isEqualTo(1);
        assertThat(emoji(reactions)).containsExactly(":tada:");
        assertThat(reactions.asStored().get(0).getList("users", String.class)).containsExactly(BEN.toString());
    }

    @Test
    void theMessageDocumentIsNotChanged() {
        Document message = new Document(
                "reactions",
                List.of(new Document("emoji", ":tada:").append("users", new ArrayList<>(List.of(ANN.toString())))));

        MessageReactions reactions = MessageReactions.of(message);
        reactions.change(":tada:", BEN, true);
        reactions.change(":joy:", ANN, true);

        List<Document> stored = message.getList("reactions", Document.class);
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).getList("users", String.class)).containsExactly(ANN.toString());
        assertThat(emoji(reactions)).containsExactly(":tada:", ":joy:");
    }

    private static List<String> emoji(MessageReactions reactions) {
        return reactions.asStored().stream()
                .map(reaction -> reaction.getString("emoji"))
                .toList();
    }
}
