package dev.studybuddy.command.chat;

import static dev.studybuddy.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.studybuddy.api.chat.ReactionRules;
import dev.studybuddy.api.group.GroupReactionAddedEvent;
import dev.studybuddy.command.support.Accounts;
import dev.studybuddy.command.support.Accounts.SignedInUser;
import dev.studybuddy.command.support.CommandSideIT;
import dev.studybuddy.command.support.Groups;
import dev.studybuddy.testing.ApiClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Reacting and taking reactions back over HTTP, with the refusals clients see (docs/api.md "Reactions"). */
@CommandSideIT
class ReactionsIT {

    private static final String THUMBS_UP = "\uD83D\uDC4D";

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Test
    void membersReactOncePerEmojiWithAtMostTwentyDifferentOnAMessage() {
        SignedInUser owner = Accounts.signedIn(port, "reactowner");
        SignedInUser member = Accounts.signedIn(port, "reactmember");
        SignedInUser outsider = Accounts.signedIn(port, "reactoutsider");
        UUID group = Groups.openWith(owner, "Reacting chemists", member);
        String messageId = owner.api()
                .post("/api/groups/" + group + "/messages", Map.of("body", "Lab moved to room 4"))
                .json()
                .get("messageId")
                .asText();
        String reactions = "/api/groups/" + group + "/messages/" + messageId + "/reactions/";

        ApiClient.Response reacted = member.api().put(reactions + encoded(THUMBS_UP), null);
        assertThat(reacted.status()).as(reacted.toString()).isEqualTo(204);
        assertThat(reacted.header("X-Consistency-Token")).isPresent();
        assertThat(member.api().put(reactions + encoded(THUMBS_UP), null).status())
                .as("again: no change")
                .isEqualTo(204);
        assertThat(added(group))
                .containsExactly(
                        new GroupReactionAddedEvent(group, UUID.fromString(messageId), member.id(), THUMBS_UP));

        assertProblem(outsider.api().put(reactions + encoded(THUMBS_UP), null), 403, "NOT_A_MEMBER");
        assertProblem(member.api().put(reactions + "ok", null), 400, "VALIDATION_FAILED");
        assertProblem(member.api().put(reactions + encoded(THUMBS_UP + THUMBS_UP), null), 400, "VALIDATION_FAILED");
        assertProblem(member.api().put(reactions + encoded(":not_a_short_name:"), null), 400, "VALIDATION_FAILED");
        assertProblem(
                member.api().put("/api/groups/" + group + "/messages/" + UUID.randomUUID() + "/reactions/:tada:", null),
                404,
                "NOT_FOUND");
        assertProblem(
                member.api().put("/api/groups/" + group + "/messages/not-an-id/reactions/:tada:", null),
                400,
                "MALFORMED_REQUEST");

        List<String> names = ReactionRules.SHORT_NAMES.stream().sorted().toList();
        for (String emoji : names.subList(0, ReactionRules.MAX_EMOJI_PER_MESSAGE - 1)) {
            assertThat(owner.api().put(reactions + emoji, null).status()).isEqualTo(204);
        }
        assertProblem(
                owner.api().put(reactions + names.get(ReactionRules.MAX_EMOJI_PER_MESSAGE), null),
                409,
                "REACTION_LIMIT_REACHED");
        assertThat(owner.api().put(reactions + encoded(THUMBS_UP), null).status())
                .as("one already there")
                .isEqualTo(204);

        assertThat(member.api().delete(reactions + encoded(THUMBS_UP)).status()).isEqualTo(204);
        assertThat(member.api().delete(reactions + encoded(THUMBS_UP)).status())
                .as("again: no change")
                .isEqualTo(204);
        assertThat(owner.api().delete(reactions + names.get(0)).status()).isEqualTo(204);
        assertThat(owner.api()
                        .put(reactions + names.get(ReactionRules.MAX_EMOJI_PER_MESSAGE), null)
                        .status())
                .as("a place became free")
                .isEqualTo(204);
    }

    @Test
    void eitherFriendReactsAndStrangersCannot() {
        SignedInUser ann = Accounts.signedIn(port, "reactann");
        SignedInUser ben = Accounts.signedIn(port, "reactben");
        SignedInUser cat = Accounts.signedIn(port, "reactcat");
        ann.api().post("/api/friends/requests", Map.of("userId", ben.id().toString()));
        ben.api().post("/api/friends/requests/" + ann.id() + "/accept", null);
        String messageId = ann.api()
                .post("/api/direct/" + ben.id() + "/messages", Map.of("body", "Got the internship!"))
                .json()
                .get("messageId")
                .asText();

        ApiClient.Response reacted =
                ben.api().put("/api/direct/" + ann.id() + "/messages/" + messageId + "/reactions/:tada:", null);
        assertThat(reacted.status()).as(reacted.toString()).isEqualTo(204);
        assertThat(ann.api()
                        .put(
                                "/api/direct/" + ben.id() + "/messages/" + messageId + "/reactions/"
                                        + encoded(THUMBS_UP),
                                null)
                        .status())
                .isEqualTo(204);
        assertThat(ben.api()
                        .delete("/api/direct/" + ann.id() + "/messages/" + messageId + "/reactions/:tada:")
                        .status())
                .isEqualTo(204);
        assertProblem(
                cat.api().put("/api/direct/" + ann.id() + "/messages/" + messageId + "/reactions/:tada:", null),
                403,
                "NOT_FRIENDS");

        assertThat(ann.api().put("/api/blocks/" + ben.id(), null).status()).isEqualTo(204);
        assertProblem(
                ben.api().put("/api/direct/" + ann.id() + "/messages/" + messageId + "/reactions/:tada:", null),
                403,
                "NOT_FRIENDS");
    }

    private List<Object> added(UUID group) {
        List<Object> added = new ArrayList<>();
        eventStore.readEvents(group.toString()).forEachRemaining(event -> {
            if (event.getPayload() instanceof GroupReactionAddedEvent) {
                added.add(event.getPayload());
            }
        });
        return added;
    }

    private static String encoded(String emoji) {
        return URLEncoder.encode(emoji, StandardCharsets.UTF_8);
    }
}
