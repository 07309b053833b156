package dev.studybuddy.system.growth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The scale issue's targets (README, "Benchmarks": {@code bench/growth}), judged from one run of {@code bench/growth}: each
 * size's results file, smallest first, in; one line per target out, met or missed with the figures that decide it, so
 * that a run on any machine says at once which targets it meets. Targets a run cannot judge (no replay, a pace other
 * than 200/s, a single size) are left out rather than called met.
 *
 * <ul>
 *   <li>each size: the closed loop (the pipeline phase) carries at least 200 messages/s; the paced phase carries
 *       its 200 messages/s ({@value #KEPT_PACE} of the pace or more: its latencies are the targets' only if it kept
 *       the pace) with send→deliver p99 ≤ 250 ms and {@code POST} p99 ≤ 150 ms; nothing lost or refused (messages
 *       and reactions, both phases); a replay of at least 5,000 events/s;
 *   <li>the largest size against the smallest: the closed loop's messages/s at least 75% of the smaller's, the paced
 *       p99s at most 125% of the smaller's ("within 25%", where being faster is never a miss);
 *   <li>each pair of sizes with replays: the time grows at most 2.2× per doubling of the events replayed.
 * </ul>
 */
public final class GrowthTargets {

    static final double PACE = 200;
    static final double KEPT_PACE = 0.99;
    static final double DELIVER_P99_MS = 250;
    static final double POST_P99_MS = 150;
    static final double REPLAY_EVENTS_PER_SECOND = 5_000;
    static final double WITHIN = 0.25;
    static final double REPLAY_GROWTH_PER_DOUBLING = 2.2;

    /** One target's outcome: {@code name} as printed, whether it holds, and the figures that say so. */
    record Verdict(String name, boolean met, String figures) {

        String line() {
            return "target.%s=%s (%s)".formatted(name, met ? "met" : "MISSED", figures);
        }
    }

    private GrowthTargets() {}

    /** Reads the results files named by {@code args} (smallest size first) and prints a verdict per target. */
    public static void main(String[] args) throws IOException {
        List<Map<String, String>> sizes = new ArrayList<>();
        for (String file : args) {
            sizes.add(read(Path.of(file)));
        }
        double pace = Double.parseDouble(System.getProperty("growth.pacedRate", Double.toString(PACE)));
        List<Verdict> verdicts = judge(sizes, pace);
        System.out.println("the scale issue's targets, judged on this run (MISSED where a figure falls short):");
        verdicts.forEach(verdict -> System.out.println(verdict.line()));
        long met = verdicts.stream().filter(Verdict::met).count();
        System.out.printf("targets.met=%d of %d%n", met, verdicts.size());
    }

    static Map<String, String> read(Path file) throws IOException {
        Map<String, String> results = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                results.put(
                        line.substring(0, equals).trim(),
                        line.substring(equals + 1).trim());
            }
        }
        return results;
    }

    static List<Verdict> judge(List<Map<String, String>> sizes, double pace) {
        List<Verdict> verdicts = new ArrayList<>();
        for (Map<String, String> size : sizes) {
            perSize(new Results(size), pace, verdicts);
        }
        if (sizes.size() > 1) {
            acrossSizes(new Results(sizes.get(0)), new Results(sizes.get(sizes.size() - 1)), verdicts);
        }
        for (int i = 1; i < sizes.size(); i++) {
            replayGrowth(new Results(sizes.get(i - 1)), new Results(sizes.get(i)), verdicts);
        }
        return verdicts;
    }

    private static void perSize(Results size, double pace, List<Verdict> verdicts) {
        String n = "n" + size.text("n");
        double closedLoop = size.number("pipeline.messagesPerSecond");
        verdicts.add(new Verdict(
                n + ".pipeline.messagesPerSecond",
                closedLoop >= PACE,
                "the closed loop carried %s messages/s, needs %s".formatted(figure(closedLoop), figure(PACE))));
        if (pace == PACE && size.has("paced.messagesPerSecond")) {
            double carried = size.number("paced.messagesPerSecond");
            verdicts.add(new Verdict(
                    n + ".paced.carries200PerSecond",
                    carried >= KEPT_PACE * pace,
                    "paced at %s/s carried %s messages/s".formatted(figure(pace), figure(carried))));
            verdicts.add(atMost(n + ".paced.deliver.p99", size.number("paced.deliver.p99"), DELIVER_P99_MS, "ms"));
            verdicts.add(atMost(n + ".paced.send.p99", size.number("paced.send.p99"), POST_P99_MS, "ms"));
        }
        long lost = 0;
        long refused = 0;
        for (String phase : List.of("pipeline", "paced", "pipeline.reactions", "paced.reactions")) {
            lost += (long) size.numberOr(phase + ".lost", 0);
            refused += (long) size.numberOr(phase + ".failed", 0);
        }
        verdicts.add(new Verdict(
                n + ".nothingLost",
                lost == 0 && refused == 0,
                "%d deliveries lost, %d sends refused, messages and reactions of both phases"
                        .formatted(lost, refused)));
        if (size.has("replay.eventsPerSecond")) {
            double rate = size.number("replay.eventsPerSecond");
            verdicts.add(new Verdict(
                    n + ".replay.eventsPerSecond",
                    rate >= REPLAY_EVENTS_PER_SECOND,
                    "%s events/s, needs %s".formatted(figure(rate), figure(REPLAY_EVENTS_PER_SECOND))));
        }
    }

    private static void acrossSizes(Results small, Results large, List<Verdict> verdicts) {
        String pair = "n%s.against.n%s".formatted(large.text("n"), small.text("n"));
        double smallRate = small.number("pipeline.messagesPerSecond");
        double largeRate = large.number("pipeline.messagesPerSecond");
        verdicts.add(new Verdict(
                pair + ".pipeline.messagesPerSecond",
                largeRate >= (1 - WITHIN) * smallRate,
                "%s against %s messages/s, %s"
                        .formatted(figure(largeRate), figure(smallRate), ratio(largeRate, smallRate))));
        for (String latency : List.of("paced.deliver.p99", "paced.send.p99")) {
            if (small.has(latency) && large.has(latency)) {
                double smaller = small.number(latency);
                double larger = large.number(latency);
                verdicts.add(new Verdict(
                        pair + "." + latency,
                        larger <= (1 + WITHIN) * smaller,
                        "%s against %s ms, %s".formatted(figure(larger), figure(smaller), ratio(larger, smaller))));
            }
        }
    }

    private static void replayGrowth(Results smaller, Results larger, List<Verdict> verdicts) {
        if (!smaller.has("replay.seconds") || !larger.has("replay.seconds")) {
            return;
        }
        double events = larger.number("replay.events") / smaller.number("replay.events");
        double time = larger.number("replay.seconds") / smaller.number("replay.seconds");
        double doublings = Math.log(events) / Math.log(2);
        double perDoubling = doublings > 0 ? Math.pow(time, 1 / doublings) : Double.NaN;
        verdicts.add(new Verdict(
                "n%s.against.n%s.replay.growthPerDoubling".formatted(larger.text("n"), smaller.text("n")),
                perDoubling <= REPLAY_GROWTH_PER_DOUBLING,
                "%s× the events in %s× the time: %s× per doubling, at most %s"
                        .formatted(
                                figure(events),
                                figure(time),
                                String.format(Locale.ROOT, "%.2f", perDoubling),
                                figure(REPLAY_GROWTH_PER_DOUBLING))));
    }

    private static Verdict atMost(String name, double value, double limit, String unit) {
        return new Verdict(name, value <= limit, "%s %s, at most %s".formatted(figure(value), unit, figure(limit)));
    }

    private static String ratio(double value, double reference) {
        return String.format(Locale.ROOT, "%.2f×", value / reference);
    }

    private static String figure(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%,.1f", value);
    }

    /** One size's results: key=value lines as the benchmark writes them. */
    private record Results(Map<String, String> values) {

        boolean has(String key) {
            return values.containsKey(key);
        }

        String text(String key) {
            String value = values.get(key);
            if (value == null) {
                throw new IllegalArgumentException("the results have no " + key);
            }
            return value;
        }

        double number(String key) {
            return Double.parseDouble(text(key));
        }

        double numberOr(String key, double otherwise) {
            return has(key) ? number(key) : otherwise;
        }
    }
}
