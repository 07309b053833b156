package dev.studybuddy.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real HTTP through real nginx: the local edge's configuration (deploy/nginx/render-local-conf, as bin/run
 * writes it) in front of stub services on the upstream ports. Every route of API.md must land on the
 * service that serves it (docs/architecture.md#services-and-modules), with the forwarding headers the services rely on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EdgeRoutingIT {

    private static final String COMMAND = "command-side";
    private static final String QUERY = "query-side";
    private static final String NOTIFICATION = "notification-saga";
    private static final String ID = "0f8fad5b-d9cb-469f-a165-70867728950e";

    private final List<StubService> stubs = new ArrayList<>();
    private Nginx nginx;
    private int edgePort;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @BeforeAll
    void startTheEdgeInFrontOfStubs(@TempDir Path dir) throws Exception {
        int command = Nginx.freePort();
        int notification = Nginx.freePort();
        int query1 = Nginx.freePort();
        int query2 = Nginx.freePort();
        edgePort = Nginx.freePort();
        stubs.add(new StubService(COMMAND, command));
        stubs.add(new StubService(NOTIFICATION, notification));
        stubs.add(new StubService(QUERY + "-1", query1));
        stubs.add(new StubService(QUERY + "-2", query2));
        nginx = Nginx.render(
                        dir,
                        edgePort,
                        "127.0.0.1:" + command,
                        "127.0.0.1:" + notification,
                        "127.0.0.1:" + query1,
                        "127.0.0.1:" + query2)
                .start(edgePort);
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (nginx != null) {
            nginx.close();
        }
        stubs.forEach(StubService::close);
    }

    @BeforeEach
    void forgetEarlierRequests() {
        stubs.forEach(stub -> stub.requests().clear());
    }

    record Route(String method, String path, String service, String upstreamPath) {

        Route(String method, String path, String service) {
            this(method, path, service, path);
        }

        @Override
        public String toString() {
            return method + " " + path + " -> " + service;
        }
    }

    /** API.md, endpoint by endpoint, and the edge's own routes. */
    static Stream<Route> routes() {
        String u = "/api/users/" + ID;
        String g = "/api/groups/" + ID;
        return Stream.of(
                // identity: command-side whatever the method
                new Route("POST", "/api/auth/register", COMMAND),
                new Route("POST", "/api/auth/login", COMMAND),
                new Route("POST", "/api/auth/refresh", COMMAND),
                new Route("POST", "/api/auth/logout", COMMAND),
                new Route("POST", "/api/auth/logout-all", COMMAND),
                new Route("GET", "/.well-known/jwks.json", COMMAND),
                new Route("GET", "/api/users/me", QUERY),
                new Route("PATCH", "/api/users/me", COMMAND),
                new Route("PUT", "/api/users/me/avatar", COMMAND),
                new Route("DELETE", "/api/users/me/avatar", COMMAND),
                new Route("GET", "/api/users/me/sessions", COMMAND),
                new Route("GET", "/api/users/me/email", COMMAND),
                new Route("POST", "/api/users/me/email", COMMAND),
                new Route("DELETE", "/api/users/me/sessions/" + ID, COMMAND),
                new Route("GET", "/api/users?search=al", QUERY),
                new Route("GET", u, QUERY),
                new Route("HEAD", u, QUERY),
                new Route("PUT", "/api/admin/users/" + ID + "/roles", COMMAND),
                new Route("POST", "/api/admin/users/" + ID + "/deactivate", COMMAND),
                new Route("POST", "/api/admin/users/" + ID + "/reactivate", COMMAND),
                new Route("POST", "/api/admin/users/" + ID + "/erase", COMMAND),
                new Route("POST", "/api/admin/event-store/redactions", COMMAND),
                // friendships
                new Route("POST", "/api/friends/requests", COMMAND),
                new Route("POST", "/api/friends/requests/" + ID + "/accept", COMMAND),
                new Route("POST", "/api/friends/requests/" + ID + "/decline", COMMAND),
                new Route("DELETE", "/api/friends/requests/" + ID, COMMAND),
                new Route("GET", "/api/friends", QUERY),
                new Route("GET", "/api/friends/requests?direction=incoming", QUERY),
                new Route("DELETE", "/api/friends/" + ID, COMMAND),
                new Route("PUT", "/api/blocks/" + ID, COMMAND),
                new Route("DELETE", "/api/blocks/" + ID, COMMAND),
                new Route("GET", "/api/blocks", QUERY),
                new Route("POST", "/api/direct/" + ID + "/messages", COMMAND),
                new Route("PATCH", "/api/direct/" + ID + "/messages/" + ID, COMMAND),
                new Route("DELETE", "/api/direct/" + ID + "/messages/" + ID, COMMAND),
                new Route("GET", "/api/direct/" + ID + "/messages?afterSeq=3&limit=20", QUERY),
                new Route("GET", "/api/direct", QUERY),
                // groups
                new Route("POST", "/api/groups", COMMAND),
                new Route("PATCH", g, COMMAND),
                new Route("POST", g + "/archive", COMMAND),
                new Route("POST", g + "/ownership", COMMAND),
                new Route("POST", g + "/join", COMMAND),
                new Route("POST", g + "/leave", COMMAND),
                new Route("POST", g + "/invitations", COMMAND),
                new Route("POST", g + "/invitations/accept", COMMAND),
                new Route("GET", g + "/join-requests", QUERY),
                new Route("POST", g + "/join-requests/" + ID + "/approve", COMMAND),
                new Route("PUT", g + "/members/" + ID + "/role", COMMAND),
                new Route("DELETE", g + "/members/" + ID, COMMAND),
                new Route("PUT", g + "/bans/" + ID, COMMAND),
                new Route("GET", "/api/groups?scope=mine&search=alg", QUERY),
                new Route("GET", g, QUERY),
                new Route("GET", g + "/members", QUERY),
                new Route("GET", "/api/invitations", QUERY),
                new Route("POST", g + "/messages", COMMAND),
                new Route("PATCH", g + "/messages/" + ID, COMMAND),
                new Route("DELETE", g + "/messages/" + ID, COMMAND),
                new Route("GET", g + "/messages?beforeSeq=100", QUERY),
                new Route("POST", g + "/read", COMMAND),
                new Route("PUT", g + "/notification-level", COMMAND),
                new Route("POST", g + "/sessions", COMMAND),
                new Route("DELETE", g + "/sessions/" + ID, COMMAND),
                new Route("GET", g + "/sessions", QUERY),
                new Route("OPTIONS", "/api/groups", COMMAND),
                // files
                new Route("POST", "/api/files", COMMAND),
                new Route("GET", "/api/files/" + ID, QUERY),
                new Route("GET", "/api/files/" + ID + "/meta", QUERY),
                new Route("DELETE", "/api/files/" + ID, COMMAND),
                // notifications: notification-saga whatever the method
                new Route("GET", "/api/notifications?unread=true", NOTIFICATION),
                new Route("POST", "/api/notifications/" + ID + "/read", NOTIFICATION),
                new Route("POST", "/api/notifications/read-all", NOTIFICATION),
                new Route("GET", "/api/notifications/preferences", NOTIFICATION),
                new Route("PUT", "/api/notifications/preferences", NOTIFICATION),
                new Route("GET", "/api/audit/notifications?recipient=" + ID + "&status=FAILED", NOTIFICATION),
                // the audit of one aggregate: command-side, where the aggregates live (GETs included)
                new Route("GET", "/api/audit/aggregates/Group/" + ID + "/events?afterSequence=3", COMMAND),
                new Route("GET", "/api/audit/aggregates/Group/" + ID + "/state?at=2026-01-01T00:00:00Z", COMMAND),
                new Route("GET", "/api/audit/aggregates/Group/" + ID + "/verify", COMMAND),
                // the global stream, projection status and replay: query-side, replay (a POST) included
                new Route("GET", "/api/audit/events?type=GroupCreatedEvent", QUERY),
                new Route("GET", "/api/admin/projections", QUERY),
                new Route("POST", "/api/admin/projections/users/replay", QUERY),
                new Route("PUT", "/api/users/me/presence", QUERY),
                new Route("PUT", "/api/users/me/receipts", QUERY),
                // the account export streams from query-side (GET, unbuffered)
                new Route("GET", "/api/users/me/export", QUERY),
                // the grant it reads the other services with is identity's (a POST: the default rule)
                new Route("POST", "/api/users/me/export-grant", COMMAND),
                new Route("GET", "/api/presence", QUERY),
                // API descriptions and the one Swagger UI
                new Route("GET", "/v3/api-docs/command", COMMAND, "/v3/api-docs"),
                new Route("GET", "/v3/api-docs/query", QUERY, "/v3/api-docs"),
                new Route("GET", "/v3/api-docs/notification", NOTIFICATION, "/v3/api-docs"),
                new Route("GET", "/v3/api-docs/swagger-config", COMMAND),
                new Route("GET", "/swagger-ui.html", COMMAND),
                new Route("GET", "/swagger-ui/index.html", COMMAND));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void eachRouteLandsOnTheServiceThatServesIt(Route route) throws Exception {
        HttpResponse<String> response = send(route.method(), route.path(), "{}", "X-Forwarded-For", "6.6.6.6");

        assertThat(response.statusCode()).as("status").isEqualTo(200);
        StubService.Request request = onlyRequest();
        assertThat(request.service()).startsWith(route.service());
        assertThat(request.method()).isEqualTo(route.method());
        assertThat(request.uri()).isEqualTo(route.upstreamPath());
        // The client's own X-Forwarded-For is replaced: rate limits key on the real peer.
        assertThat(request.header("X-Forwarded-For")).isEqualTo("127.0.0.1");
        assertThat(request.header("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(request.header("X-Forwarded-Port")).isEqualTo(String.valueOf(edgePort));
        assertThat(request.header("Host")).isEqualTo("127.0.0.1:" + edgePort);
        assertThat(request.header("X-Trace-Id")).matches("[0-9a-f]{32}");
    }

    @Test
    void readsAreSpreadOverEveryQueryNode() throws Exception {
        Set<String> nodes = new HashSet<>();
        for (int i = 0; i < 8; i++) {
            assertThat(send("GET", "/api/groups", null).statusCode()).isEqualTo(200);
            nodes.add(onlyRequest().service());
        }
        assertThat(nodes).containsExactlyInAnyOrder(QUERY + "-1", QUERY + "-2");
    }

    @Test
    void aCallersWellFormedTraceIdIsKeptAndAnyOtherReplaced() throws Exception {
        send("GET", "/api/friends", null, "X-Trace-Id", "client-trace-0001", "X-Request-Id", "client-request-0001");
        StubService.Request kept = onlyRequest();
        assertThat(kept.header("X-Trace-Id")).isEqualTo("client-trace-0001");
        assertThat(kept.header("X-Request-Id")).isEqualTo("client-request-0001");

        HttpResponse<String> response = send("GET", "/api/friends", null, "X-Trace-Id", "bad id\" injected");
        StubService.Request replaced = onlyRequest();
        assertThat(replaced.header("X-Trace-Id")).matches("[0-9a-f]{32}").isEqualTo(replaced.header("X-Request-Id"));
        assertThat(response.headers().firstValue("X-Request-Id")).contains(replaced.header("X-Request-Id"));
        String[] traces = {"trace=client-trace-0001", "trace=" + replaced.header("X-Trace-Id")};
        assertThat(nginx.accessLogOnceItHolds(traces)).contains(traces);
    }

    @Test
    void theWebSocketUpgradeReachesQuerySide() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", edgePort)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + edgePort + "\r\n"
                            + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new BufferedReader(
                            new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            assertThat(status).startsWith("HTTP/1.1 200");
        }
        StubService.Request request = onlyRequest();
        assertThat(request.service()).startsWith(QUERY);
        assertThat(request.uri()).isEqualTo("/ws");
        assertThat(request.header("Upgrade")).isEqualTo("websocket");
        assertThat(request.header("Connection")).isEqualToIgnoringCase("upgrade");
        assertThat(request.header("Sec-WebSocket-Key")).isEqualTo("dGhlIHNhbXBsZSBub25jZQ==");
    }

    @Test
    void uploadsMayBeLargerThanOtherBodies() throws Exception {
        String twoMegabytes = "x".repeat(2 * 1024 * 1024);

        HttpResponse<String> upload = send("POST", "/api/files", twoMegabytes);
        assertThat(upload.statusCode()).isEqualTo(200);
        StubService.Request request = onlyRequest();
        assertThat(request.service()).isEqualTo(COMMAND);
        assertThat(request.bodyBytes()).isEqualTo(twoMegabytes.length());

        HttpResponse<String> message = send("POST", "/api/groups", twoMegabytes);
        assertThat(message.statusCode()).isEqualTo(413);
        assertThat(message.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(message.body()).contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
        assertThat(allRequests()).isEmpty();

        HttpResponse<String> tooLarge = send("POST", "/api/files", "x".repeat(13 * 1024 * 1024));
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(allRequests()).isEmpty();
    }

    @Test
    void theEdgeAnswersItsOwnHealthAndKeepsActuatorsInside() throws Exception {
        HttpResponse<String> health = send("GET", "/healthz", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("ok\n");

        for (String path : List.of("/actuator/health", "/actuator/prometheus", "/v3/api-docs", "/v3/api-docs/other")) {
            HttpResponse<String> response = send("GET", path, null);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).contains("\"code\":\"NOT_FOUND\"");
        }
        assertThat(allRequests()).isEmpty();
        assertThat(health.headers().firstValue("Server")).contains("nginx");
    }

    @Test
    void theEdgesOwnRefusalsAreProblemsNeverHtml() throws Exception {
        HttpResponse<String> longLine = send("GET", "/api/groups?q=" + "x".repeat(20_000), null);
        assertThat(longLine.statusCode()).isEqualTo(414);
        HttpResponse<String> largeHeader = send("GET", "/api/groups", null, "X-Padding", "y".repeat(20_000));
        assertThat(largeHeader.statusCode()).isEqualTo(431);
        HttpResponse<String> trace = send("TRACE", "/api/groups", null);
        assertThat(trace.statusCode()).isEqualTo(405);
        for (HttpResponse<String> refusal : List.of(longLine, largeHeader, trace)) {
            assertThat(refusal.headers().firstValue("Content-Type"))
                    .as(refusal.toString())
                    .contains("application/problem+json");
            assertThat(refusal.body())
                    .as(refusal.toString())
                    .contains("\"status\":" + refusal.statusCode())
                    .doesNotContain("<html");
        }
        assertThat(allRequests()).isEmpty();
    }

    @Test
    void answersCarryAReferrerPolicyAndTheApiDocsAContentSecurityPolicy() throws Exception {
        HttpResponse<String> read = send("GET", "/api/groups", null);
        assertThat(read.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(read.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(read.headers().firstValue("Content-Security-Policy")).isEmpty();

        for (String docs : List.of("/swagger-ui.html", "/swagger-ui/index.html")) {
            HttpResponse<String> page = send("GET", docs, null);
            assertThat(page.headers().firstValue("Content-Security-Policy"))
                    .as(docs)
                    .hasValueSatisfying(
                            policy -> assertThat(policy).contains("default-src 'self'", "frame-ancestors 'none'"));
            assertThat(page.headers().firstValue("Referrer-Policy")).as(docs).contains("no-referrer");
            assertThat(page.headers().firstValue("X-Request-Id")).as(docs).isPresent();
        }
    }

    @Test
    void aQueryNodeThatIsDownIsSkippedAndAServiceThatIsDownIsAProblem(@TempDir Path other) throws Exception {
        int command = Nginx.freePort();
        int notification = Nginx.freePort();
        int query = Nginx.freePort();
        int downQuery = Nginx.freePort();
        int port = Nginx.freePort();
        try (StubService commandStub = new StubService(COMMAND, command);
                StubService queryStub = new StubService(QUERY, query);
                Nginx edge = Nginx.render(
                                other,
                                port,
                                "127.0.0.1:" + command,
                                "127.0.0.1:" + notification,
                                "127.0.0.1:" + downQuery,
                                "127.0.0.1:" + query)
                        .start(port)) {
            for (int i = 0; i < 4; i++) {
                HttpResponse<String> read = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/groups"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(read.statusCode()).isEqualTo(200);
                assertThat(read.body()).isEqualTo(QUERY);
            }
            HttpResponse<String> inbox = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/notifications"))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(inbox.statusCode()).isEqualTo(503);
            assertThat(inbox.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(inbox.headers().firstValue("Retry-After")).contains("5");
            assertThat(inbox.body()).contains("\"status\":503");
        }
    }

    private HttpResponse<String> send(String method, String path, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + edgePort + path))
                .timeout(Duration.ofSeconds(10))
                .method(
                        method,
                        body == null || method.equals("GET") || method.equals("HEAD")
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private StubService.Request onlyRequest() throws InterruptedException {
        List<StubService.Request> requests = allRequests();
        assertThat(requests).as("requests that reached a service").hasSize(1);
        return requests.get(0);
    }

    private List<StubService.Request> allRequests() {
        List<StubService.Request> requests = new ArrayList<>();
        stubs.forEach(stub -> stub.requests().drainTo(requests));
        return requests;
    }
}
