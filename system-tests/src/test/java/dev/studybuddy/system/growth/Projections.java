package dev.studybuddy.system.growth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.studybuddy.testing.ApiClient;
import dev.studybuddy.testing.PrometheusScrape;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** The query nodes' projections as an administrator sees them ({@code /api/admin/projections}). */
final class Projections {

    private final List<ApiClient> nodes;
    private final ApiClient edge;
    private final Supplier<String> login;
    private String adminToken;

    /**
     * @param login an administrator's fresh access token: a catch-up of a million events outlasts one (the first N =
     *              1,000,000 run that caught up waited on refused status reads until its timeout)
     */
    Projections(ApiClient edge, List<String> nodeUrls, Supplier<String> login) {
        this.edge = edge;
        this.nodes = nodeUrls.stream().map(ApiClient::new).toList();
        this.login = login;
        this.adminToken = login.get();
    }

    /**
     * An administrator's request to {@code client}, made again with a fresh token if the one held was refused (it
     * expires after 15 minutes).
     */
    ApiClient.Response asAdmin(ApiClient client, Function<ApiClient, ApiClient.Response> request) {
        ApiClient.Response response = request.apply(client.withToken(adminToken));
        if (response.status() == 401) {
            adminToken = login.get();
            response = request.apply(client.withToken(adminToken));
        }
        return response;
    }

    /**
     * Waits until every projection's segments, over all nodes, are claimed and none is behind; answers the seconds
     * waited. Meanwhile notes in {@code caughtUpAfter} the seconds after which each projection had caught up on every
     * node ({@code projection.<name>}) and each of the other services' processors trailed the store by at most a
     * second ({@code processor.<name>}): the catch-up's longest pole, and which processors it outlasts.
     */
    double awaitCaughtUp(long timeoutSeconds, List<String> serviceUrls, Map<String, Double> caughtUpAfter)
            throws InterruptedException {
        long start = System.nanoTime();
        while (true) {
            double elapsed = (System.nanoTime() - start) / 1e9;
            noteCaughtUpProcessors(serviceUrls, elapsed, caughtUpAfter);
            if (onEveryNode(statuses -> noteCaughtUpProjections(statuses, elapsed, caughtUpAfter))) {
                return elapsed;
            }
            if (elapsed > timeoutSeconds) {
                throw new IllegalStateException("the query nodes did not catch up within " + timeoutSeconds + " s");
            }
            Thread.sleep(500);
        }
    }

    private static boolean noteCaughtUpProjections(
            List<JsonNode> statuses, double elapsed, Map<String, Double> caughtUpAfter) {
        Set<String> names = new HashSet<>();
        statuses.forEach(items ->
                items.forEach(projection -> names.add(projection.path("name").asText())));
        for (String name : names) {
            if (caughtUp(statuses, name)) {
                caughtUpAfter.putIfAbsent("projection." + name, elapsed);
            }
        }
        return caughtUp(statuses, null);
    }

    private static void noteCaughtUpProcessors(
            List<String> serviceUrls, double elapsed, Map<String, Double> caughtUpAfter) {
        for (String serviceUrl : serviceUrls) {
            try {
                PrometheusScrape.of(new ApiClient(serviceUrl))
                        .byLabel("studybuddy_event_processor_lag_seconds", "processor")
                        .forEach((processor, lag) -> {
                            if (lag <= 1.0) { // NaN: none of its segments on this service
                                caughtUpAfter.putIfAbsent("processor." + processor, elapsed);
                            }
                        });
            } catch (RuntimeException | AssertionError busy) {
                // a service too busy to answer in time has not caught up yet
            }
        }
    }

    /**
     * Waits until every streaming processor of the other services (command-side, notification-saga) trails the store's
     * newest event by at most a second ({@code studybuddy_event_processor_lag_seconds}); answers the seconds waited.
     * The query nodes' projections are not all there is: notification-saga's recipients and integration events read
     * the seeded history too, and a measurement taken while they still did counted their work as the messages'.
     * A processor holding no segment on a service reports NaN and is not waited for.
     */
    static double awaitProcessorsCaughtUp(List<String> serviceUrls, long timeoutSeconds) throws InterruptedException {
        long start = System.nanoTime();
        while (!serviceUrls.stream().allMatch(Projections::processorsCaughtUp)) {
            if (System.nanoTime() - start > timeoutSeconds * 1_000_000_000L) {
                throw new IllegalStateException(
                        "the services' processors did not catch up within " + timeoutSeconds + " s");
            }
            Thread.sleep(500);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static boolean processorsCaughtUp(String serviceUrl) {
        return PrometheusScrape.of(new ApiClient(serviceUrl))
                .values("studybuddy_event_processor_lag_seconds")
                .allMatch(lag -> Double.isNaN(lag) || lag <= 1.0);
    }

    /**
     * Replays one projection on every node; answers the seconds from the request until all nodes have caught up.
     * Each node's status is read once per look (it counts the events behind every segment of every projection, so
     * the looking itself costs the replaying node and the store).
     */
    double replay(String name, long timeoutSeconds) throws InterruptedException {
        long start = System.nanoTime();
        long generation = BenchUsers.expect(
                        202, asAdmin(edge, admin -> admin.post("/api/admin/projections/" + name + "/replay", Map.of())))
                .json()
                .path("generation")
                .asLong();
        while (!onEveryNode(statuses -> replayed(statuses, name, generation) && caughtUp(statuses, name))) {
            if (System.nanoTime() - start > timeoutSeconds * 1_000_000_000L) {
                throw new IllegalStateException(
                        "the replay of " + name + " did not finish within " + timeoutSeconds + " s");
            }
            Thread.sleep(250);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static boolean replayed(List<JsonNode> statuses, String name, long generation) {
        for (JsonNode items : statuses) {
            for (JsonNode projection : items) {
                if (projection.path("name").asText().equals(name)) {
                    JsonNode last = projection.path("lastReplay");
                    if (last.path("generation").asLong() < generation
                            || !"DONE".equals(last.path("state").asText())) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /**
     * Reads every node's status once and checks it: a node too busy to answer in time fails the check (it is not
     * caught up yet).
     */
    private boolean onEveryNode(Predicate<List<JsonNode>> check) {
        try {
            return check.test(nodes.stream().map(this::items).toList());
        } catch (java.io.UncheckedIOException busy) {
            return false;
        }
    }

    /** {@code only}: one projection, or null for all. */
    private static boolean caughtUp(List<JsonNode> statuses, String only) {
        Set<String> claimed = new HashSet<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode items : statuses) {
            for (JsonNode projection : items) {
                String name = projection.path("name").asText();
                if (only != null && !only.equals(name)) {
                    continue;
                }
                seen.add(name);
                if (projection.path("rebuilding").asBoolean()
                        || projection.path("error").asBoolean()) {
                    return false;
                }
                for (JsonNode segment : projection.path("segments")) {
                    claimed.add(name);
                    if (segment.path("behindHead").asLong(1) > 0
                            || !segment.path("caughtUp").asBoolean()) {
                        return false;
                    }
                }
            }
        }
        return !seen.isEmpty() && claimed.equals(seen);
    }

    private JsonNode items(ApiClient node) {
        ApiClient.Response response = asAdmin(node, admin -> admin.get("/api/admin/projections"));
        return response.status() == 200 ? response.json().path("items") : MissingNode.getInstance();
    }
}
