package dev.studybuddy.command.friendship;

import static dev.studybuddy.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.studybuddy.command.support.Accounts;
import dev.studybuddy.command.support.Accounts.SignedInUser;
import dev.studybuddy.command.support.CommandSideIT;
import dev.studybuddy.testing.ApiClient;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@CommandSideIT
class FriendshipIT {

    @LocalServerPort
    int port;

    private SignedInUser newUser(String name) {
        return Accounts.signedIn(port, name);
    }

    private static ApiClient.Response request(SignedInUser from, SignedInUser to) {
        return from.api().post("/api/friends/requests", Map.of("userId", to.id().toString()));
    }

    @Test
    void theFullFriendLifecycleBetweenThreeUsers() {
        SignedInUser ann = newUser("ann");
        SignedInUser ben = newUser("ben");
        SignedInUser cat = newUser("cat");

        ApiClient.Response pending = request(ann, ben);
        assertThat(pending.status()).as(pending.toString()).isEqualTo(201);
        assertThat(pending.json().get("status").asText()).isEqualTo("PENDING");
        assertThat(pending.header("X-Consistency-Token")).isPresent();
        assertProblem(request(ann, ben), 409, "REQUEST_ALREADY_PENDING");
        assertProblem(ann.api().post("/api/friends/requests/" + ben.id() + "/accept", null), 403, "FORBIDDEN");
        assertProblem(cat.api().post("/api/friends/requests/" + ann.id() + "/accept", null), 404, "NOTHING_PENDING");
        assertThat(ben.api()
                        .post("/api/friends/requests/" + ann.id() + "/accept", null)
                        .status())
                .isEqualTo(204);
        assertProblem(request(ben, ann), 409, "ALREADY_FRIENDS");

        assertThat(request(ann, cat).status()).isEqualTo(201);
        ApiClient.Response crossing = request(cat, ann);
        assertThat(crossing.status()).as(crossing.toString()).isEqualTo(200);
        assertThat(crossing.json().get("status").asText()).isEqualTo("ACCEPTED");

        assertThat(ben.api().delete("/api/friends/" + ann.id()).status()).isEqualTo(204);
        assertProblem(ben.api().delete("/api/friends/" + ann.id()), 404, "NOT_FOUND");

        assertThat(request(ben, cat).status()).isEqualTo(201);
        assertProblem(ben.api().post("/api/friends/requests/" + cat.id() + "/decline", null), 403, "FORBIDDEN");
        assertThat(cat.api()
                        .post("/api/friends/requests/" + ben.id() + "/decline", null)
                        .status())
                .isEqualTo(204);
        assertThat(request(ben, cat).status()).isEqualTo(201);
        assertThat(ben.api().delete("/api/friends/requests/" + cat.id()).status())
                .isEqualTo(204);
        assertProblem(cat.api().post("/api/friends/requests/" + ben.id() + "/accept", null), 404, "NOTHING_PENDING");
    }

    @Test
    void blockingEndsTheFriendshipAndRefusesRequestsBothWaysUntilUnblocked() {
        SignedInUser dan = newUser("dan");
        SignedInUser eva = newUser("eva");
        request(dan, eva);
        eva.api().post("/api/friends/requests/" + dan.id() + "/accept", null);

        assertThat(eva.api().put("/api/blocks/" + dan.id(), null).status()).isEqualTo(204);
        assertProblem(dan.api().delete("/api/friends/" + eva.id()), 404, "NOT_FOUND");
        assertProblem(request(dan, eva), 403, "FRIEND_REQUEST_NOT_POSSIBLE");
        assertProblem(request(eva, dan), 403, "FRIEND_REQUEST_NOT_POSSIBLE");

        assertThat(dan.api().delete("/api/blocks/" + eva.id()).status()).isEqualTo(204);
        assertProblem(request(dan, eva), 403, "FRIEND_REQUEST_NOT_POSSIBLE");
        assertThat(eva.api().delete("/api/blocks/" + dan.id()).status()).isEqualTo(204);
        assertThat(request(dan, eva).status()).isEqualTo(201);
    }

    @Test
    void requestsToOneselfOrUnknownUsersAreRefused() {
        SignedInUser fay = newUser("fay");
        assertProblem(request(fay, fay), 400, "VALIDATION_FAILED");
        assertProblem(
                fay.api()
                        .post(
                                "/api/friends/requests",
                                Map.of("userId", UUID.randomUUID().toString())),
                404,
                "NOT_FOUND");
        assertProblem(fay.api().post("/api/friends/requests", Map.of()), 400, "VALIDATION_FAILED");
        assertThat(ApiClient.on(port)
                        .post("/api/friends/requests", Map.of("userId", fay.id().toString()))
                        .status())
                .isEqualTo(401);
    }
}
