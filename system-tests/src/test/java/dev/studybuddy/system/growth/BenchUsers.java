package dev.studybuddy.system.growth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.studybuddy.testing.ApiClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The benchmark's own users and groups, made through the edge as any client would: senders and subscribers
 * register and log in, the first sender creates the groups, everyone joins every group. Then it waits until
 * both query nodes have projected every membership, because subscribing is authorized by the read model.
 */
final class BenchUsers {

    private static final String PASSWORD = "Growth-Bench-Pass-1";

    record User(UUID id, String token) {}

    private final ApiClient edge;
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    final List<User> senders = new ArrayList<>();
    final List<User> subscribers = new ArrayList<>();
    final List<UUID> groups = new ArrayList<>();

    BenchUsers(ApiClient edge) {
        this.edge = edge;
    }

    BenchUsers create(int senderCount, int subscriberCount, int groupCount) {
        for (int i = 0; i < senderCount; i++) {
            senders.add(register("gbs" + i + "_" + run));
        }
        for (int i = 0; i < subscriberCount; i++) {
            subscribers.add(register("gbl" + i + "_" + run));
        }
        ApiClient owner = edge.withToken(senders.get(0).token());
        for (int i = 0; i < groupCount; i++) {
            groups.add(UUID.fromString(expect(
                            201,
                            owner.post(
                                    "/api/groups",
                                    Map.of(
                                            "name",
                                            "growth bench " + i,
                                            "description",
                                            "",
                                            "visibility",
                                            "PUBLIC",
                                            "joinPolicy",
                                            "OPEN",
                                            "capacity",
                                            1_000)))
                    .json()
                    .path("groupId")
                    .asText()));
        }
        List<User> joiners = new ArrayList<>(senders.subList(1, senders.size()));
        joiners.addAll(subscribers);
        for (UUID group : groups) {
            for (User user : joiners) {
                expect(200, edge.withToken(user.token()).post("/api/groups/" + group + "/join", Map.of()));
            }
        }
        return this;
    }

    /** The group sender {@code i} posts to: senders are spread evenly over the groups. */
    UUID groupOf(int sender) {
        return groups.get(sender % groups.size());
    }

    void awaitProjected(List<String> nodeUrls) throws InterruptedException {
        int members = senders.size() + subscribers.size();
        for (String node : nodeUrls) {
            ApiClient reader = new ApiClient(node).withToken(senders.get(0).token());
            for (UUID group : groups) {
                long deadline = System.nanoTime() + 120_000_000_000L;
                while (reader.get("/api/groups/" + group)
                                .json()
                                .path("memberCount")
                                .asInt()
                        < members) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException(node + " did not project " + members + " members of " + group);
                    }
                    Thread.sleep(200);
                }
            }
        }
    }

    private User register(String username) {
        JsonNode registered = expect(
                        201,
                        edge.post(
                                "/api/auth/register",
                                Map.of(
                                        "username",
                                        username,
                                        "email",
                                        username + "@growth.studybuddy.test",
                                        "password",
                                        PASSWORD,
                                        "displayName",
                                        "Bench " + username)))
                .json();
        return new User(UUID.fromString(registered.path("userId").asText()), login(edge, username, PASSWORD));
    }

    static String login(ApiClient edge, String username, String password) {
        return expect(200, edge.post("/api/auth/login", Map.of("username", username, "password", password)))
                .json()
                .path("accessToken")
                .asText();
    }

    static ApiClient.Response expect(int status, ApiClient.Response response) {
        if (response.status() != status) {
            throw new IllegalStateException("expected " + status + ", got " + response);
        }
        return response;
    }
}
