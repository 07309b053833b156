package dev.studybuddy.command.chat;

import static dev.studybuddy.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.studybuddy.api.chat.MessageRules;
import dev.studybuddy.api.group.GroupMessageUnpinnedEvent;
import dev.studybuddy.command.support.Accounts;
import dev.studybuddy.command.support.Accounts.SignedInUser;
import dev.studybuddy.command.support.CommandSideIT;
import dev.studybuddy.command.support.Groups;
import dev.studybuddy.testing.ApiClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Pinning and unpinning over HTTP, with the refusals clients see (docs/api.md "Pins"). */
@CommandSideIT
class PinsIT {

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Test
    void theOwnerAndAdminsPinUpToFiftyMessagesAndMembersCannot() {
        SignedInUser owner = Accounts.signedIn(port, "pinowner");
        SignedInUser admin = Accounts.signedIn(port, "pinadmin");
        SignedInUser member = Accounts.signedIn(port, "pinmember");
        SignedInUser outsider = Accounts.signedIn(port, "pinoutsider");
        UUID group = Groups.openWith(owner, "Pinned physics", admin, member);
        assertThat(owner.api()
                        .put("/api/groups/" + group + "/members/" + admin.id() + "/role", Map.of("role", "ADMIN"))
                        .status())
                .isEqualTo(204);
        String messages = "/api/groups/" + group + "/messages/";
        List<String> ids = new ArrayList<>();
        for (int i = 0; i <= MessageRules.MAX_PINS; i++) {
            ids.add(member.api()
                    .post("/api/groups/" + group + "/messages", Map.of("body", "fact " + i))
                    .json()
                    .get("messageId")
                    .asText());
        }

        ApiClient.Response pinned = admin.api().post(messages + ids.get(0) + "/pin", null);
        assertThat(pinned.status()).as(pinned.toString()).isEqualTo(204);
        assertThat(pinned.header("X-Consistency-Token")).isPresent();
        assertThat(owner.api().post(messages + ids.get(0) + "/pin", null).status())
                .as("again: no change")
                .isEqualTo(204);
        assertProblem(member.api().post(messages + ids.get(1) + "/pin", null), 403, "FORBIDDEN");
        assertProblem(outsider.api().post(messages + ids.get(1) + "/pin", null), 403, "FORBIDDEN");
        assertProblem(member.api().delete(messages + ids.get(0) + "/pin"), 403, "FORBIDDEN");
        assertProblem(owner.api().post(messages + UUID.randomUUID() + "/pin", null), 404, "NOT_FOUND");
        assertProblem(owner.api().post(messages + "not-an-id/pin", null), 400, "MALFORMED_REQUEST");
        assertProblem(
                owner.api().post("/api/groups/" + UUID.randomUUID() + "/messages/" + ids.get(1) + "/pin", null),
                404,
                "NOT_FOUND");

        for (String id : ids.subList(1, MessageRules.MAX_PINS)) {
            assertThat(owner.api().post(messages + id + "/pin", null).status()).isEqualTo(204);
        }
        assertProblem(
                owner.api().post(messages + ids.get(MessageRules.MAX_PINS) + "/pin", null), 409, "PIN_LIMIT_REACHED");

        assertThat(owner.api().delete(messages + ids.get(1) + "/pin").status()).isEqualTo(204);
        assertThat(owner.api().delete(messages + ids.get(1) + "/pin").status())
                .as("again: no change")
                .isEqualTo(204);
        assertThat(owner.api()
                        .post(messages + ids.get(MessageRules.MAX_PINS) + "/pin", null)
                        .status())
                .isEqualTo(204);

        assertThat(member.api().delete(messages + ids.get(0)).status()).isEqualTo(204);
        assertThat(unpinnedIn(group))
                .as("deleting a pinned message unpins it")
                .contains(new GroupMessageUnpinnedEvent(group, UUID.fromString(ids.get(0)), member.id()));
        assertProblem(owner.api().post(messages + ids.get(0) + "/pin", null), 404, "NOT_FOUND");
    }

    @Test
    void eitherFriendPinsAndStrangersCannot() {
        SignedInUser ann = Accounts.signedIn(port, "pinann");
        SignedInUser ben = Accounts.signedIn(port, "pinben");
        SignedInUser cat = Accounts.signedIn(port, "pincat");
        ann.api().post("/api/friends/requests", Map.of("userId", ben.id().toString()));
        ben.api().post("/api/friends/requests/" + ann.id() + "/accept", null);
        String messageId = ann.api()
                .post("/api/direct/" + ben.id() + "/messages", Map.of("body", "Library at 5?"))
                .json()
                .get("messageId")
                .asText();

        ApiClient.Response pinned = ben.api().post("/api/direct/" + ann.id() + "/messages/" + messageId + "/pin", null);
        assertThat(pinned.status()).as(pinned.toString()).isEqualTo(204);
        assertThat(ann.api()
                        .delete("/api/direct/" + ben.id() + "/messages/" + messageId + "/pin")
                        .status())
                .isEqualTo(204);
        assertProblem(
                cat.api().post("/api/direct/" + ann.id() + "/messages/" + messageId + "/pin", null),
                403,
                "NOT_FRIENDS");
        assertProblem(
                ann.api().post("/api/direct/" + ben.id() + "/messages/" + UUID.randomUUID() + "/pin", null),
                404,
                "NOT_FOUND");

        assertThat(ben.api().put("/api/blocks/" + ann.id(), null).status()).isEqualTo(204);
        assertProblem(
                ann.api().post("/api/direct/" + ben.id() + "/messages/" + messageId + "/pin", null),
                403,
                "NOT_FRIENDS");
    }

    private List<Object> unpinnedIn(UUID group) {
        List<Object> unpinned = new ArrayList<>();
        eventStore.readEvents(group.toString()).forEachRemaining(event -> {
            if (event.getPayload() instanceof GroupMessageUnpinnedEvent) {
                unpinned.add(event.getPayload());
            }
        });
        return unpinned;
    }
}
