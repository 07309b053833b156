package dev.studybuddy.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studybuddy.command.support.Accounts;
import dev.studybuddy.command.support.CommandSideIT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Request bodies are parsed strictly (platform's Jackson settings): what is ambiguous is a 400 problem. */
@CommandSideIT
class StrictJsonIT {

    @LocalServerPort
    int port;

    @Test
    void trailingTokensDuplicateKeysAndFractionsForIntegersAreMalformed() throws Exception {
        String token = Accounts.accessToken(dev.studybuddy.testing.ApiClient.on(port), registered());
        String[] bodies = {
            "{\"name\":\"Strict group\"} {\"name\":\"again\"}",
            "{\"name\":\"Strict group\",\"name\":\"Other\"}",
            "{\"name\":\"Strict group\",\"capacity\":5.5}"
        };
        for (String body : bodies) {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/groups"))
                                    .header("Authorization", "Bearer " + token)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode())
                    .as(body + " -> " + response.body())
                    .isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
    }

    private String registered() {
        String username = Accounts.uniqueUsername("strict");
        Accounts.register(dev.studybuddy.testing.ApiClient.on(port), username);
        return username;
    }
}
