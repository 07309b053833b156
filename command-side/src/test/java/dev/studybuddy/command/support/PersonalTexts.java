package dev.studybuddy.command.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.studybuddy.command.support.Accounts.SignedInUser;
import dev.studybuddy.testing.ApiClient;
import java.util.Map;
import java.util.UUID;

/**
 * What the erasure and redaction tests look for afterwards, written over HTTP: Alice posts in a group Bob joins and
 * edits her post, Bob answers, they become friends, Alice sends Bob a direct message and sets her bio.
 */
public record PersonalTexts(String posted, String edited, String bobsWords, String direct, String bio) {

    /** Writes every text; answers the group's id. */
    public UUID writtenBy(SignedInUser alice, SignedInUser bob, String groupName) {
        UUID group = UUID.fromString(
                created(alice.api().post("/api/groups", Map.of("name", groupName, "joinPolicy", "OPEN")))
                        .get("groupId")
                        .asText());
        ok(bob.api().post("/api/groups/" + group + "/join", null));
        String messageId = created(alice.api().post("/api/groups/" + group + "/messages", Map.of("body", posted)))
                .get("messageId")
                .asText();
        ok(alice.api().patch("/api/groups/" + group + "/messages/" + messageId, Map.of("body", edited)));
        ok(bob.api().post("/api/groups/" + group + "/messages", Map.of("body", bobsWords)));
        ok(alice.api().post("/api/friends/requests", Map.of("userId", bob.id())));
        ok(bob.api().post("/api/friends/requests/" + alice.id() + "/accept", null));
        ok(alice.api().post("/api/direct/" + bob.id() + "/messages", Map.of("body", direct)));
        ok(alice.api().patch("/api/users/me", Map.of("bio", bio)));
        return group;
    }

    private static JsonNode created(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
        return response.json();
    }

    private static void ok(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 204);
    }
}
