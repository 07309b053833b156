package dev.studybuddy.query.export;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** How the export calls another service: its base URL, and a bound on connecting and on each answer. */
final class ServiceCalls {

    private ServiceCalls() {}

    static RestClient to(URI baseUrl, Duration timeout, RestClient.Builder builder) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(timeout).build());
        requests.setReadTimeout(timeout);
        return builder.clone()
                .baseUrl(baseUrl.toString())
                .requestFactory(requests)
                .build();
    }
}
