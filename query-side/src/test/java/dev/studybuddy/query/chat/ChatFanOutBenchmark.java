package dev.studybuddy.query.chat;

import dev.studybuddy.api.group.GroupVisibility;
import dev.studybuddy.api.group.JoinPolicy;
import dev.studybuddy.query.QuerySideApplication;
import dev.studybuddy.query.realtime.Conversations;
import dev.studybuddy.query.realtime.LiveUpdate;
import dev.studybuddy.query.realtime.RealtimeUpdates;
import dev.studybuddy.query.support.Groups;
import dev.studybuddy.query.support.QuerySideIT;
import dev.studybuddy.query.support.StompClients;
import dev.studybuddy.query.support.StompClients.Client;
import dev.studybuddy.query.support.UserAccounts;
import dev.studybuddy.testing.ApiClient;
import dev.studybuddy.testing.TestTokenIssuer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Not a test: run by {@code bench/chat-fanout.sh} only (its name matches neither *Test nor *IT). Two
 * query-side nodes, N subscribers across both, messages at rising rates, once through the whole
 * pipeline (command-side's REST API in a process of its own, the Group aggregate, the event store, the
 * announcement on Redis, the chat processor, views, Redis, both nodes) and once as a baseline that writes the
 * same view documents and publishes to Redis directly. Prints throughput and send-to-deliver latency.
 */
@QuerySideIT
class ChatFanOutBenchmark {

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Groups groups;

    @Autowired
    ChatViews views;

    @Autowired
    RealtimeUpdates updates;

    @Test
    void run() throws Exception {
        int subscribers = Integer.getInteger("bench.subscribers", 200);
        int seconds = Integer.getInteger("bench.seconds", 5);
        List<Integer> rates = List.of(
                Integer.getInteger("bench.rate1", 10),
                Integer.getInteger("bench.rate2", 20),
                Integer.getInteger("bench.rate3", 40));
        ConfigurableApplicationContext second = new SpringApplicationBuilder(QuerySideApplication.class)
                .run(
                        "--server.port=0",
                        "--studybuddy.node-id=bench-second",
                        "--spring.datasource.url=" + environment.getRequiredProperty("spring.datasource.url"),
                        "--spring.datasource.username=" + environment.getRequiredProperty("spring.datasource.username"),
                        "--spring.data.mongodb.uri=" + environment.getRequiredProperty("spring.data.mongodb.uri"),
                        "--spring.data.mongodb.database="
                                + environment.getRequiredProperty("spring.data.mongodb.database"),
                        "--studybuddy.personal-data.kek="
                                + environment.getRequiredProperty("studybuddy.personal-data.kek"),
                        "--studybuddy.jwt.jwk-set-uri="
                                + environment.getRequiredProperty("studybuddy.jwt.jwk-set-uri"));
        int secondPort = Integer.parseInt(second.getEnvironment().getRequiredProperty("local.server.port"));
        CommandSideProcess commandSide = CommandSideProcess.start(environment);
        List<Client> clients = new ArrayList<>();
        try {
            UUID owner = commandSide.register("owner");
            ApiClient asOwner = commandSide.client(TestTokenIssuer.get().accessToken(owner));
            UUID pipelineGroupId = UUID.fromString(expect(
                            201,
                            asOwner.post(
                                    "/api/groups",
                                    Map.of(
                                            "name",
                                            "bench pipeline",
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
                    .asText());
            Groups.Created baselineGroup =
                    groups.create(owner, "bench baseline", GroupVisibility.PUBLIC, JoinPolicy.OPEN, 10_000);
            List<UUID> users = new ArrayList<>();
            for (int i = 0; i < subscribers; i++) {
                UUID user = commandSide.register("user" + i);
                users.add(user);
                expect(
                        200,
                        commandSide
                                .client(TestTokenIssuer.get().accessToken(user))
                                .post("/api/groups/" + pipelineGroupId + "/join", Map.of()));
                accounts.awaitProjected("groups", groups.join(baselineGroup.groupId(), user));
            }
            awaitMembers(pipelineGroupId, subscribers + 1, owner, port, secondPort);
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            for (int i = 0; i < subscribers; i++) {
                Client client = StompClients.connected(
                        i % 2 == 0 ? port : secondPort, TestTokenIssuer.get().accessToken(users.get(i)));
                client.onFrame(frame -> {
                    String body = frame.at("/message/body").asText("");
                    if (body.startsWith("t=")) {
                        latencies.add(System.nanoTime() - Long.parseLong(body.substring(2)));
                    }
                });
                client.subscribe("/topic/groups." + pipelineGroupId);
                client.subscribe("/topic/groups." + baselineGroup.groupId());
                clients.add(client);
            }
            Thread.sleep(2000);
            long[] seq = {1_000_000};
            String baselineConversation = Conversations.group(baselineGroup.groupId());
            Runnable baselineSend = () -> {
                long at = ++seq[0];
                views.posted(
                        baselineConversation,
                        at,
                        UUID.randomUUID(),
                        owner,
                        "t=" + System.nanoTime(),
                        List.of(),
                        null,
                        List.of(),
                        Instant.now());
                views.changedBy(baselineConversation, UUID.randomUUID(), at);
                updates.toGroup(
                        baselineGroup.groupId(),
                        new LiveUpdate.MessagePosted(
                                baselineConversation, at, Map.of("seq", at, "body", "t=" + System.nanoTime())));
            };
            Runnable pipelineSend = () -> expect(
                    201,
                    asOwner.post(
                            "/api/groups/" + pipelineGroupId + "/messages", Map.of("body", "t=" + System.nanoTime())));
            // warm-up, not reported: both paths JIT-compiled before anything is measured
            phase(rates.get(0), seconds, subscribers, latencies, baselineSend);
            phase(rates.get(0), seconds, subscribers, latencies, pipelineSend);
            System.out.printf(
                    "%nchat fan-out: %d subscribers on 2 nodes, %d s per rate, pipeline from command-side's REST API%n",
                    subscribers, seconds);
            for (int rate : rates) {
                Result baseline = phase(rate, seconds, subscribers, latencies, baselineSend);
                Result pipeline = phase(rate, seconds, subscribers, latencies, pipelineSend);
                System.out.printf(
                        "rate %4d msg/s | baseline %s | pipeline %s | throughput ratio %.2f (target >= 0.50), p99 ratio %.2f (target <= 3)%n",
                        rate,
                        baseline,
                        pipeline,
                        pipeline.deliveredPerSecond / baseline.deliveredPerSecond,
                        pipeline.p99 / Math.max(0.001, baseline.p99));
            }
            System.out.printf(
                    "command-side's own time per message POST (its http.server.requests): %.1f ms mean%n",
                    commandSide.meanMillis("/api/groups/{groupId}/messages"));
        } finally {
            clients.forEach(Client::close);
            commandSide.close();
            second.close();
        }
    }

    private static ApiClient.Response expect(int status, ApiClient.Response response) {
        if (response.status() != status) {
            throw new IllegalStateException("expected " + status + ", got " + response);
        }
        return response;
    }

    /** Subscribing is authorized by the read model: wait until both nodes have every membership. */
    private static void awaitMembers(UUID groupId, int members, UUID owner, int... ports) throws InterruptedException {
        for (int nodePort : ports) {
            ApiClient node =
                    ApiClient.on(nodePort).withToken(TestTokenIssuer.get().accessToken(owner));
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (node.get("/api/groups/" + groupId).json().path("memberCount").asInt() < members) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("node on " + nodePort + " did not project " + members + " members");
                }
                Thread.sleep(100);
            }
        }
    }

    private static Result phase(int rate, int seconds, int subscribers, List<Long> latencies, Runnable send)
            throws InterruptedException {
        latencies.clear();
        long start = System.nanoTime();
        long interval = 1_000_000_000L / rate;
        int sent = 0;
        while (System.nanoTime() - start < seconds * 1_000_000_000L) {
            send.run();
            sent++;
            long next = start + sent * interval;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
        long expected = (long) sent * subscribers;
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (latencies.size() < expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        List<Long> sorted;
        synchronized (latencies) {
            sorted = new ArrayList<>(latencies);
        }
        Collections.sort(sorted);
        return new Result(
                sent / elapsed,
                sorted.size() / elapsed,
                sorted.size(),
                expected,
                percentile(sorted, 0.50),
                percentile(sorted, 0.95),
                percentile(sorted, 0.99));
    }

    private static double percentile(List<Long> sorted, double p) {
        return sorted.isEmpty()
                ? Double.NaN
                : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size()))) / 1e6;
    }

    record Result(
            double sentPerSecond,
            double deliveredPerSecond,
            long delivered,
            long expected,
            double p50,
            double p95,
            double p99) {
        @Override
        public String toString() {
            return String.format(
                    "%.1f msg/s sent, %.0f deliveries/s (%d/%d), p50 %.1f ms p95 %.1f ms p99 %.1f ms",
                    sentPerSecond, deliveredPerSecond, delivered, expected, p50, p95, p99);
        }
    }
}
