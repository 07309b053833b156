package dev.studybuddy.system.growth;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.studybuddy.testing.ApiClient;
import dev.studybuddy.testing.PrometheusScrape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Run by {@code bench/growth} against a running system (bin/run: the edge, command-side, two query nodes,
 * notification-saga, on a store seeded by {@link HistorySeeder}), not a test. After the query nodes have
 * caught up with the seeded history it measures, each for a fixed time after a warm-up: the pipeline (senders
 * POST group messages through the edge as fast as they are answered; STOMP subscribers on every query node receive
 * them), the pipeline paced (the same senders together at {@code growth.pacedRate} messages a second, 200 unless
 * told, 0 for none: the targets' latencies are at that rate, which the closed loop cannot show, as it keeps every
 * process saturated and so times queues), both with members reacting to the newest messages at
 * {@code growth.reactionRate} reactions a second beside them if asked ({@link Reactions}), and the baseline
 * (the same view documents written to MongoDB and published to Redis directly, the same subscribers); then one
 * projection's replay. Writes {@code key=value} lines to the file given as {@code growth.out}.
 */
public final class GrowthBenchmark {

    private final Map<String, String> results = new LinkedHashMap<>();

    private GrowthBenchmark() {}

    public static void main(String[] args) throws Exception {
        new GrowthBenchmark().run();
        System.exit(0);
    }

    private void run() throws Exception {
        ApiClient edge = new ApiClient(property("growth.edge"));
        List<String> nodes = Arrays.asList(property("growth.nodes").split(","));
        List<String> services = Arrays.asList(property("growth.services").split(","));
        int senderCount = Integer.getInteger("growth.senders", 16);
        Duration duration = Duration.ofSeconds(Integer.getInteger("growth.seconds", 20));
        Duration warmUp = Duration.ofSeconds(Integer.getInteger("growth.warmup", 5));
        double pacedRate = Double.parseDouble(System.getProperty("growth.pacedRate", "200"));
        double reactionRate = Double.parseDouble(System.getProperty("growth.reactionRate", "0"));

        Projections projections = new Projections(
                edge,
                nodes,
                () -> BenchUsers.login(edge, property("growth.admin.username"), property("growth.admin.password")));
        long catchUpTimeout = Long.getLong("growth.catchup.timeout", 1800);
        StoreOperations stores = new StoreOperations(
                property("growth.mongoUri"), property("growth.databaseUrl"), property("growth.redisUri"));
        Map<String, Long> beforeCatchUp = stores.read();
        String catchUpStart = PhaseClock.now();
        long catchUpStartNanos = System.nanoTime();
        Map<String, Double> caughtUpAfter = new TreeMap<>();
        put("catchUp.seconds", "%.1f", projections.awaitCaughtUp(catchUpTimeout, services, caughtUpAfter));
        put("catchUp.otherServices.seconds", "%.1f", Projections.awaitProcessorsCaughtUp(services, catchUpTimeout));
        caughtUpAfter.forEach((name, seconds) -> put("catchUp." + name + ".seconds", "%.1f", seconds));
        // what the catch-up cost the stores in all, in counts that do not drift with the machine's speed
        Map<String, Long> afterCatchUp = stores.read();
        afterCatchUp.forEach((name, count) -> {
            if (name.startsWith("mongo.") && beforeCatchUp.containsKey(name)) {
                results.put("catchUp." + name, Long.toString(count - beforeCatchUp.get(name)));
            }
        });
        // a phase for bench/growth's CPU by process (cpu.catch-up.*), as Senders logs the measured phases
        System.err.printf(
                "growth: catch-up from %s for %d s%n",
                catchUpStart, (System.nanoTime() - catchUpStartNanos) / 1_000_000_000L);
        String seededGroup = System.getProperty("growth.seededGroup", "");
        if (!seededGroup.isBlank()) {
            results.put(
                    "seeded.groupChain",
                    projections
                            .asAdmin(edge, admin -> admin.get("/api/audit/aggregates/Group/" + seededGroup + "/verify"))
                            .json()
                            .path("status")
                            .asText("?"));
        }

        BenchUsers users = new BenchUsers(edge)
                .create(
                        senderCount,
                        Integer.getInteger("growth.subscribersPerNode", 1) * nodes.size(),
                        Integer.getInteger("growth.groups", 10));
        users.awaitProjected(nodes);
        try (Subscribers subscribers = new Subscribers("pipeline", "paced");
                BaselinePath baseline = new BaselinePath(
                        property("growth.mongoUri"), property("growth.database"), property("growth.redisUri"))) {
            for (int i = 0; i < users.subscribers.size(); i++) {
                int node = i % nodes.size();
                subscribers.connect(
                        node, nodes.get(node), users.subscribers.get(i).token(), users.groups);
            }
            Thread.sleep(1000);
            Senders senders = new Senders(senderCount);
            List<BlockingPoster> asSender = users.senders.stream()
                    .map(user -> new BlockingPoster(
                            property("growth.edge"),
                            edge.withToken(user.token()).headers()))
                    .toList();
            Reactions reactions = new Reactions(
                    users,
                    users.senders.stream()
                            .limit(Reactions.reactors(users))
                            .map(user -> new BlockingPoster(
                                    property("growth.edge"),
                                    edge.withToken(user.token()).headers()))
                            .toList(),
                    subscribers);
            Map<String, LostMessages.Sent> pipelineSent = new ConcurrentHashMap<>();
            Senders.Send pipeline = (sender, tag, sentAt) -> {
                String body = tag + " " + sentAt;
                String group = users.groupOf(sender).toString();
                JsonNode answer =
                        asSender.get(sender).post("/api/groups/" + group + "/messages", Map.of("body", body), 201);
                reactions.posted(group, answer.path("messageId").asText());
                if (!tag.startsWith("warmup")) {
                    pipelineSent.put(
                            body,
                            new LostMessages.Sent(
                                    group,
                                    answer.path("messageId").asText(),
                                    answer.path("seq").asLong(),
                                    Instant.now()));
                }
            };
            Senders.Send direct = (sender, tag, sentAt) -> baseline.post(
                    users.groupOf(sender), users.senders.get(sender).id(), tag + " " + sentAt);
            Reacting reacting = new Reacting(reactionRate, Reactions.reactors(users), reactions::react);
            reacting.during(() -> senders.run(warmUp, "warmup-pipeline", pipeline), warmUp, "warmup-reactions");
            senders.run(warmUp, "warmup-baseline", direct);
            Map<String, Long> before = stores.read();
            FanOutCounts fanOutBefore = FanOutCounts.of(nodes);
            double lateBefore = lateAppends(services);
            Reacting.Phase posted =
                    reacting.during(() -> senders.run(duration, "pipeline", pipeline), duration, "pipeline.reactions");
            measurePosted("pipeline", posted.messages(), fanOutBefore, nodes, pipelineSent, subscribers);
            measureReactions("pipeline", posted.reactions(), subscribers);
            put("pipeline.appendsLate", "%.0f", lateAppends(services) - lateBefore);
            Thread.sleep(1500); // PostgreSQL publishes a busy backend's counts about once a second
            perMessage("pipeline", before, stores.read(), posted.messages().sent());
            if (pacedRate > 0) {
                fanOutBefore = FanOutCounts.of(nodes);
                Reacting.Phase paced = reacting.during(
                        () -> senders.runAt(pacedRate, duration, "paced", pipeline), duration, "paced.reactions");
                measurePosted("paced", paced.messages(), fanOutBefore, nodes, pipelineSent, subscribers);
                measureReactions("paced", paced.reactions(), subscribers);
            }
            measure("baseline", senders.run(duration, "baseline", direct), subscribers);
            idle(stores, Duration.ofSeconds(Integer.getInteger("growth.idle", 10)));
        }
        // where lost deliveries went: the updates the query nodes dropped instead of publishing (since they started)
        put(
                "fanOut.dropped",
                "%.0f",
                nodes.stream()
                        .mapToDouble(
                                node -> PrometheusScrape.of(new ApiClient(node)).sum("studybuddy_fanout_dropped_total"))
                        .sum());
        ratios();
        String projection = System.getProperty("growth.replay", "chat");
        if ("none".equals(projection)) {
            write();
            return;
        }
        long stored = storedEvents();
        String replayStart = PhaseClock.now();
        double replaySeconds = projections.replay(projection, Long.getLong("growth.replay.timeout", 1800));
        System.err.printf("growth: replay from %s for %.0f s%n", replayStart, replaySeconds);
        results.put("replay.projection", projection);
        results.put("replay.events", Long.toString(stored));
        put("replay.seconds", "%.1f", replaySeconds);
        put("replay.eventsPerSecond", "%.0f", stored / replaySeconds);
        write();
    }

    /**
     * Every event in the store when the replay starts: the seeded history and what the senders have added since. From
     * the collection's count (exact on a single server, without a scan): a counting query read a busy stand-in's
     * 1,000,000 events one by one, longer than its store then kept their pages.
     */
    private static long storedEvents() {
        try (MongoClient mongo = MongoClients.create(property("growth.mongoUri"))) {
            return mongo.getDatabase(property("growth.database"))
                    .getCollection("domainevents")
                    .estimatedDocumentCount();
        }
    }

    /** A phase of messages posted through the edge: its figures, and where and which of its deliveries were lost. */
    private void measurePosted(
            String path,
            Senders.Outcome posted,
            FanOutCounts fanOutBefore,
            List<String> nodes,
            Map<String, LostMessages.Sent> sent,
            Subscribers subscribers)
            throws InterruptedException, SQLException {
        measure(path, posted, subscribers);
        whereLost(path, posted.sent(), fanOutBefore, FanOutCounts.of(nodes), subscribers);
        nameLost(path, sent, subscribers);
    }

    private void measure(String path, Senders.Outcome sent, Subscribers subscribers) throws InterruptedException {
        Latencies delivered = tally(path, "messagesPerSecond", sent, subscribers);
        results.put(path + ".send.maxBySecond", sent.latencies().maxBySecond(sent.startedAt()));
        results.put(path + ".deliver.maxBySecond", delivered.maxBySecond(sent.startedAt()));
    }

    /**
     * The reactions given during a phase ({@code growth.reactionRate}), if any: their rate, the {@code PUT}'s
     * latencies, their frames' send→deliver latencies and the frames lost.
     */
    private void measureReactions(String path, Senders.Outcome reacted, Subscribers subscribers)
            throws InterruptedException {
        if (reacted != null) {
            tally(path + ".reactions", "perSecond", reacted, subscribers);
        }
    }

    /** What was sent under {@code tag} and how its deliveries went, once they have arrived; those deliveries. */
    private Latencies tally(String tag, String rateName, Senders.Outcome sent, Subscribers subscribers)
            throws InterruptedException {
        long expected = sent.sent() * subscribers.count();
        Latencies delivered = subscribers.awaitDeliveries(tag, expected);
        put(tag + "." + rateName, "%.1f", sent.perSecond());
        put(tag + ".send.p50", "%.1f", sent.latencies().p50());
        put(tag + ".send.p99", "%.1f", sent.latencies().p99());
        put(tag + ".deliver.p50", "%.1f", delivered.p50());
        put(tag + ".deliver.p99", "%.1f", delivered.p99());
        results.put(tag + ".sent", Long.toString(sent.sent()));
        results.put(tag + ".failed", Long.toString(sent.failed()));
        results.put(tag + ".deliveries", delivered.count() + "/" + expected);
        results.put(tag + ".lost", Long.toString(Math.max(0, expected - delivered.count())));
        return delivered;
    }

    /**
     * Where a phase's deliveries were lost, leg by leg, from the query nodes' fan-out counters over the phase and the
     * subscribers' tallies: the group updates published to Redis (all nodes; one per message sent when none is lost
     * in the projection), those each node received back from Redis (each should receive every one) and the
     * deliveries each node's subscribers got (each should get every message).
     */
    private void whereLost(String path, long sent, FanOutCounts before, FanOutCounts after, Subscribers subscribers) {
        put(path + ".fanOut.published", "%.0f", after.published() - before.published());
        for (int node = 0; node < after.received().size(); node++) {
            put(
                    path + ".fanOut.received.node" + (node + 1),
                    "%.0f",
                    after.received().get(node) - before.received().get(node));
        }
        subscribers
                .deliveredPerNode(path)
                .forEach((node, delivered) -> results.put(
                        path + ".deliveries.node" + (node + 1), delivered + "/" + sent * subscribers.sessionsOn(node)));
    }

    /**
     * The first ten messages of a phase that some subscriber did not get: what the stores show of each
     * ({@link LostMessages}) and the deliveries it had per node.
     */
    private void nameLost(String path, Map<String, LostMessages.Sent> sent, Subscribers subscribers)
            throws SQLException {
        int shown = 0;
        try (LostMessages stores = new LostMessages(
                property("growth.mongoUri"), property("growth.database"), property("growth.databaseUrl"))) {
            for (Map.Entry<String, Map<Integer, Long>> lost : subscribers
                    .undelivered(sent.keySet().stream()
                            .filter(body -> body.startsWith(path + " "))
                            .toList())
                    .entrySet()) {
                if (++shown > 10) {
                    break;
                }
                results.put(
                        path + ".lostMessage." + shown,
                        stores.whereLost(sent.get(lost.getKey())) + "; deliveries per node " + lost.getValue());
            }
        }
    }

    /**
     * The events the services stored later after their timestamps than the tracking look-back window, so far: a
     * processor may have missed them (platform's {@code LateAppendDetectingEngine}).
     */
    private static double lateAppends(List<String> services) {
        return services.stream()
                .mapToDouble(service ->
                        PrometheusScrape.of(new ApiClient(service)).sum("studybuddy_eventstore_appends_late_total"))
                .sum();
    }

    /** The store operations of a phase (from its start until its deliveries arrived) per message it sent. */
    /**
     * After the measured phases (so that they stay as before it), the subscribers' sessions open and nothing sent:
     * what the system does meanwhile (polls, claims,
     * heartbeats, refreshes) is what every message's share of the counts and the CPU carries beside its own work, the
     * more so the slower messages come. {@code idle.perSecond.*}, and a phase for bench/growth's CPU by process
     * ({@code cpu.idle.*}).
     */
    private void idle(StoreOperations stores, Duration length) throws InterruptedException {
        if (length.isNegative() || length.isZero()) {
            return;
        }
        Thread.sleep(3000); // the baseline's last deliveries, and PostgreSQL's counts of them
        Map<String, Long> before = stores.read();
        String start = PhaseClock.now();
        long startNanos = System.nanoTime();
        Thread.sleep(length.toMillis());
        Map<String, Long> after = stores.read();
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        System.err.printf("growth: idle from %s for %d s%n", start, Math.round(seconds));
        after.forEach(
                (counter, count) -> put("idle.perSecond." + counter, "%.1f", (count - before.get(counter)) / seconds));
    }

    private void perMessage(String path, Map<String, Long> before, Map<String, Long> after, long messages) {
        after.forEach((counter, count) ->
                put(path + ".perMessage." + counter, "%.2f", (count - before.get(counter)) / (double) messages));
    }

    private void ratios() {
        for (String metric : List.of("messagesPerSecond", "send.p50", "send.p99", "deliver.p50", "deliver.p99")) {
            double pipeline = Double.parseDouble(results.get("pipeline." + metric));
            double baseline = Double.parseDouble(results.get("baseline." + metric));
            put("ratio." + metric, "%.2f", pipeline / baseline);
        }
    }

    private void put(String key, String format, double value) {
        results.put(key, String.format(Locale.ROOT, format, value));
        System.out.println(key + "=" + results.get(key));
    }

    private void write() throws IOException {
        StringBuilder lines = new StringBuilder();
        results.forEach(
                (key, value) -> lines.append(key).append('=').append(value).append('\n'));
        System.out.print(lines);
        Files.writeString(Path.of(property("growth.out")), lines);
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing -D" + name);
        }
        return value;
    }
}
