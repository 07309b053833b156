package dev.studybuddy.system.growth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studybuddy.system.growth.GrowthTargets.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GrowthTargetsTest {

    @Test
    void aSizeThatKeepsThePaceFastAndLosesNothingMeetsEveryTargetOfItsOwn() {
        Map<String, Boolean> verdicts = outcomes(List.of(size(10_000)), 200);

        assertThat(verdicts)
                .containsOnly(
                        Map.entry("n10000.pipeline.messagesPerSecond", true),
                        Map.entry("n10000.paced.carries200PerSecond", true),
                        Map.entry("n10000.paced.deliver.p99", true),
                        Map.entry("n10000.paced.send.p99", true),
                        Map.entry("n10000.nothingLost", true),
                        Map.entry("n10000.replay.eventsPerSecond", true));
    }

    @Test
    void eachFigureShortOfItsTargetIsMissed() {
        Map<String, String> slow = size(10_000);
        slow.put("pipeline.messagesPerSecond", "116.0");
        slow.put("paced.messagesPerSecond", "125.3");
        slow.put("paced.deliver.p99", "250.1");
        slow.put("paced.send.p99", "416.4");
        slow.put("paced.reactions.lost", "1");
        slow.put("replay.eventsPerSecond", "4764");

        assertThat(outcomes(List.of(slow), 200))
                .containsEntry("n10000.pipeline.messagesPerSecond", false)
                .containsEntry("n10000.paced.carries200PerSecond", false)
                .containsEntry("n10000.paced.deliver.p99", false)
                .containsEntry("n10000.paced.send.p99", false)
                .containsEntry("n10000.nothingLost", false)
                .containsEntry("n10000.replay.eventsPerSecond", false);
    }

    @Test
    void aRefusedSendCountsAsNotCarried() {
        Map<String, String> refused = size(10_000);
        refused.put("pipeline.failed", "3");

        assertThat(outcomes(List.of(refused), 200)).containsEntry("n10000.nothingLost", false);
    }

    @Test
    void aPaceJustUnderTheRateFromTheClocksRoundingStillCarriesIt() {
        Map<String, String> paced = size(10_000);
        paced.put("paced.messagesPerSecond", "199.5");

        assertThat(outcomes(List.of(paced), 200)).containsEntry("n10000.paced.carries200PerSecond", true);
    }

    @Test
    void aRunPacedAtAnotherRateOrWithoutReplayLeavesThoseTargetsUnjudged() {
        Map<String, String> noReplay = size(10_000);
        noReplay.remove("replay.eventsPerSecond");
        noReplay.remove("replay.seconds");

        assertThat(outcomes(List.of(noReplay), 100))
                .containsOnlyKeys("n10000.pipeline.messagesPerSecond", "n10000.nothingLost");
    }

    @Test
    void theLargestSizeIsHeldWithinAQuarterOfTheSmallestWhereSlower() {
        Map<String, String> small = size(10_000);
        Map<String, String> large = size(1_000_000);
        large.put("pipeline.messagesPerSecond", "249.3"); // 0.70 of 358.1
        large.put("paced.deliver.p99", "248.7"); // 1.79 of 139.3
        large.put("paced.send.p99", "30.0"); // faster than at 10k: never a miss

        assertThat(outcomes(List.of(small, large), 200))
                .containsEntry("n1000000.against.n10000.pipeline.messagesPerSecond", false)
                .containsEntry("n1000000.against.n10000.paced.deliver.p99", false)
                .containsEntry("n1000000.against.n10000.paced.send.p99", true);
    }

    @Test
    void aReplayMayGrowByTwoPointTwoPerDoublingOfItsEvents() {
        Map<String, String> small = size(10_000);
        small.put("replay.events", "40000");
        small.put("replay.seconds", "8.0");
        Map<String, String> middle = size(100_000);
        middle.put("replay.events", "160000"); // two doublings
        middle.put("replay.seconds", "38.0"); // 4.75×: 2.18 per doubling
        Map<String, String> large = size(1_000_000);
        large.put("replay.events", "320000"); // one doubling
        large.put("replay.seconds", "84.0"); // 2.21×

        assertThat(outcomes(List.of(small, middle, large), 200))
                .containsEntry("n100000.against.n10000.replay.growthPerDoubling", true)
                .containsEntry("n1000000.against.n100000.replay.growthPerDoubling", false);
    }

    @Test
    void readsTheResultsFilesTheBenchmarkWrites(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("results.txt");
        Files.writeString(
                file, "n=10000\nseed.busiestGroup=82e5c410\npaced.deliveries=8000/8000\npaced.send.p99=46.7\n");

        assertThat(GrowthTargets.read(file))
                .containsEntry("n", "10000")
                .containsEntry("paced.deliveries", "8000/8000")
                .containsEntry("paced.send.p99", "46.7");
    }

    @Test
    void eachVerdictLineNamesTheTargetItsOutcomeAndTheFigures() {
        Map<String, String> slow = size(10_000);
        slow.put("paced.deliver.p99", "1283.3");

        List<String> lines = GrowthTargets.judge(List.of(slow), 200).stream()
                .map(Verdict::line)
                .toList();

        assertThat(lines).contains("target.n10000.paced.deliver.p99=MISSED (1,283.3 ms, at most 250)");
    }

    private static Map<String, Boolean> outcomes(List<Map<String, String>> sizes, double pace) {
        return GrowthTargets.judge(sizes, pace).stream().collect(Collectors.toMap(Verdict::name, Verdict::met));
    }

    /** A size's results that meet every target. */
    private static Map<String, String> size(int n) {
        Map<String, String> results = new HashMap<>();
        results.put("n", Integer.toString(n));
        results.put("pipeline.messagesPerSecond", "358.1");
        results.put("pipeline.lost", "0");
        results.put("pipeline.failed", "0");
        results.put("pipeline.reactions.lost", "0");
        results.put("paced.messagesPerSecond", "200.0");
        results.put("paced.send.p99", "46.7");
        results.put("paced.deliver.p99", "139.3");
        results.put("paced.lost", "0");
        results.put("paced.failed", "0");
        results.put("paced.reactions.lost", "0");
        results.put("replay.events", "43114");
        results.put("replay.seconds", "8.4");
        results.put("replay.eventsPerSecond", "5133");
        return results;
    }
}
