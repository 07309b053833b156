package dev.studybuddy.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.DoubleStream;

/** One scrape of {@code /actuator/prometheus} over real HTTP, without a token, as Prometheus asks. */
public record PrometheusScrape(List<String> samples) {

    public static PrometheusScrape of(int port) {
        return of(ApiClient.on(port));
    }

    /** A scrape of the service {@code client} talks to (its base address; the token, if any, is not needed). */
    public static PrometheusScrape of(ApiClient client) {
        ApiClient.Response response = client.get("/actuator/prometheus");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return new PrometheusScrape(
                response.body().lines().filter(line -> !line.startsWith("#")).toList());
    }

    /** The sum of the samples of {@code name} that carry every label given as {@code key="value"}; 0 without any. */
    public double sum(String name, String... labels) {
        return values(name, labels).sum();
    }

    /** The values of the samples of {@code name} that carry every label given as {@code key="value"}. */
    public DoubleStream values(String name, String... labels) {
        return matching(name, labels).stream().mapToDouble(PrometheusScrape::value);
    }

    /** The one sample of {@code name} with these labels. */
    public double value(String name, String... labels) {
        List<String> matching = matching(name, labels);
        assertThat(matching)
                .as("%s%s in the scrape", name, Arrays.toString(labels))
                .hasSize(1);
        return value(matching.get(0));
    }

    /** The samples of {@code name}, each under the value of its label {@code label} (samples without it left out). */
    public Map<String, Double> byLabel(String name, String label) {
        Pattern labelled = Pattern.compile("[{,]" + Pattern.quote(label) + "=\"([^\"]*)\"");
        Map<String, Double> values = new LinkedHashMap<>();
        for (String sample : matching(name)) {
            Matcher matcher = labelled.matcher(sample);
            if (matcher.find()) {
                values.put(matcher.group(1), value(sample));
            }
        }
        return values;
    }

    public boolean has(String name, String... labels) {
        return !matching(name, labels).isEmpty();
    }

    private List<String> matching(String name, String... labels) {
        return samples.stream()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> Arrays.stream(labels).allMatch(line::contains))
                .toList();
    }

    private static double value(String sample) {
        return Double.parseDouble(sample.substring(sample.lastIndexOf(' ') + 1));
    }
}
