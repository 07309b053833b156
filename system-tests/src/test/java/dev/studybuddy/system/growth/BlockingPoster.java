package dev.studybuddy.system.growth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * A sender's or reactor's client: POSTs JSON (or PUTs nothing) and reads the answer on the calling thread, over a
 * connection kept alive between its sends ({@link HttpURLConnection}). The JDK's {@code HttpClient} that the tests use
 * hands each exchange to a selector thread and a worker thread and back; on a machine whose context switches are dear
 * the client took 0.16–0.17 cores with them and 0.11–0.12 with this, in a closed loop of 120–180 messages/s, CPU taken
 * from the system it measures (docs/benchmarks-log.md, twenty-third session). Keeping a connection per client needs
 * {@code http.maxConnections} at least the number of clients (the JDK keeps five by default): bench/growth sets it.
 */
final class BlockingPoster {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CONNECT_TIMEOUT = (int) Duration.ofSeconds(5).toMillis();
    private static final int READ_TIMEOUT = (int) Duration.ofSeconds(30).toMillis();

    private final String baseUrl;
    private final Map<String, String> headers;

    /** Posts to {@code baseUrl} with these headers on every request (the sender's token, its forwarded address). */
    BlockingPoster(String baseUrl, Map<String, String> headers) {
        this.baseUrl = baseUrl;
        this.headers = Map.copyOf(headers);
    }

    /** The answer's JSON; refused unless the answer has the expected status. */
    JsonNode post(String path, Object body, int expectedStatus) throws IOException {
        return send("POST", path, JSON.writeValueAsBytes(body), expectedStatus);
    }

    /** A {@code PUT} without a body (a reaction, say); refused unless the answer has the expected status. */
    void put(String path, int expectedStatus) throws IOException {
        send("PUT", path, null, expectedStatus);
    }

    private JsonNode send(String method, String path, byte[] request, int expectedStatus) throws IOException {
        HttpURLConnection connection =
                (HttpURLConnection) URI.create(baseUrl + path).toURL().openConnection();
        connection.setConnectTimeout(CONNECT_TIMEOUT);
        connection.setReadTimeout(READ_TIMEOUT);
        connection.setRequestMethod(method);
        headers.forEach(connection::setRequestProperty);
        connection.setRequestProperty("Accept", "application/json");
        if (request != null) {
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/json");
            connection.setFixedLengthStreamingMode(request.length);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(request);
            }
        }
        int status = connection.getResponseCode();
        byte[] answer;
        // reading the answer to its end and closing the stream is what returns the connection for the next send
        try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
            answer = in == null ? new byte[0] : in.readAllBytes();
        }
        if (status != expectedStatus) {
            throw new IllegalStateException("expected " + expectedStatus + ", got " + status + " "
                    + new String(answer, StandardCharsets.UTF_8));
        }
        return answer.length == 0 ? JSON.missingNode() : JSON.readTree(answer);
    }
}
