package dev.studybuddy.testing;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks that a response is the problem document (RFC 9457) every service answers errors with. */
public final class ProblemAssertions {

    private ProblemAssertions() {}

    public static void assertProblem(ApiClient.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
        assertThat(response.json().path("code").asText())
                .as(response.toString())
                .isEqualTo(code);
        assertThat(response.json().path("type").asText())
                .as(response.toString())
                .startsWith("https://studybuddy.dev/problems/");
        assertThat(response.body())
                .as("no internals leak")
                .doesNotContain("Exception")
                .doesNotContain("at dev.studybuddy");
    }
}
