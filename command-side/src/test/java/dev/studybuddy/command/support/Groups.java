package dev.studybuddy.command.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studybuddy.command.support.Accounts.SignedInUser;
import dev.studybuddy.testing.ApiClient;
import java.util.Map;
import java.util.UUID;

/** Creates and joins groups through the public API, as a client would. */
public final class Groups {

    private Groups() {}

    /** A group {@code owner} created with {@code request} (the body of {@code POST /api/groups}). */
    public static UUID created(SignedInUser owner, Map<String, ?> request) {
        ApiClient.Response created = owner.api().post("/api/groups", request);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.json().get("groupId").asText());
    }

    /** An OPEN group named {@code name} that {@code owner} created and each of {@code members} joined. */
    public static UUID openWith(SignedInUser owner, String name, SignedInUser... members) {
        UUID group = created(owner, Map.of("name", name, "joinPolicy", "OPEN"));
        for (SignedInUser member : members) {
            ApiClient.Response joined = member.api().post("/api/groups/" + group + "/join", null);
            assertThat(joined.status()).as(joined.toString()).isEqualTo(200);
        }
        return group;
    }
}
