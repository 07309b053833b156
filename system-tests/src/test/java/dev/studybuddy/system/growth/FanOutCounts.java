package dev.studybuddy.system.growth;

import dev.studybuddy.testing.ApiClient;
import dev.studybuddy.testing.PrometheusScrape;
import java.util.List;

/**
 * The query nodes' fan-out counters for group updates at one moment: those published to Redis (summed over the
 * nodes) and those each node received back from Redis, in the order of the nodes given.
 */
record FanOutCounts(double published, List<Double> received) {

    private static final String GROUP = "kind=\"group\"";

    static FanOutCounts of(List<String> nodes) {
        List<PrometheusScrape> scrapes = nodes.stream()
                .map(node -> PrometheusScrape.of(new ApiClient(node)))
                .toList();
        return new FanOutCounts(
                scrapes.stream()
                        .mapToDouble(scrape -> scrape.sum("studybuddy_fanout_published_total", GROUP))
                        .sum(),
                scrapes.stream()
                        .map(scrape -> scrape.sum("studybuddy_fanout_received_total", GROUP))
                        .toList());
    }
}
