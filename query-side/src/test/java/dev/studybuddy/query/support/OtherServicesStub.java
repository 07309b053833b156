package dev.studybuddy.query.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What query-side's account export reads from the other services, served by a real HTTP server on a free port (one
 * per JVM), because query-side's tests start neither: notification-saga's inbox ({@code GET /api/notifications},
 * newest first, {@code {items, nextCursor}}) and command-side's {@code GET /api/users/me/email} ({@code {email,
 * verified}}, 404 for an account without one). It answers only a bearer token's own subject, at most
 * {@value #PAGE_SIZE} notifications a page so that the export has to follow cursors, and a test can make it fail for
 * one user: the inbox from the first page ({@link #failFor}) or after it ({@link #failAfterFirstPageFor}), the
 * address ({@link #failAddressFor}).
 */
public final class OtherServicesStub implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final int PAGE_SIZE = 2;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<UUID, List<Map<String, Object>>> INBOXES = new ConcurrentHashMap<>();
    private static final Set<UUID> FAILING = ConcurrentHashMap.newKeySet();
    private static final Set<UUID> FAILING_AFTER_FIRST_PAGE = ConcurrentHashMap.newKeySet();
    private static final Map<UUID, Map<String, Object>> ADDRESSES = new ConcurrentHashMap<>();
    private static final Set<UUID> FAILING_ADDRESS = ConcurrentHashMap.newKeySet();
    private static HttpServer server;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(
                        "studybuddy.export.notification-saga-url=http://127.0.0.1:" + port(),
                        "studybuddy.export.command-side-url=http://127.0.0.1:" + port(),
                        "studybuddy.export.call-timeout=2s")
                .applyTo(context.getEnvironment());
    }

    /** Adds a notification to the user's inbox (newer than those added before) and returns its id. */
    public static UUID notify(UUID userId, String type, Map<String, Object> payload) {
        UUID id = UUID.randomUUID();
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", id.toString());
        item.put("type", type);
        item.put("payload", payload);
        item.put("createdAt", Instant.now().toString());
        item.put("readAt", null);
        INBOXES.computeIfAbsent(userId, user -> new ArrayList<>()).add(0, item);
        return id;
    }

    /** The user's address, as identity holds it. */
    public static void address(UUID userId, String email, boolean verified) {
        ADDRESSES.put(userId, Map.of("email", email, "verified", verified));
    }

    /** Asking for the user's address answers 503. */
    public static void failAddressFor(UUID userId) {
        FAILING_ADDRESS.add(userId);
    }

    /** Every request for the user answers 503, as a notification-saga that is down behind the edge would. */
    public static void failFor(UUID userId) {
        FAILING.add(userId);
    }

    /** The first page arrives; asking for the next one answers 503. */
    public static void failAfterFirstPageFor(UUID userId) {
        FAILING_AFTER_FIRST_PAGE.add(userId);
    }

    private static synchronized int port() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/api/notifications", OtherServicesStub::inbox);
            server.createContext("/api/users/me/email", OtherServicesStub::address);
            server.start();
        }
        return server.getAddress().getPort();
    }

    private static void address(HttpExchange exchange) throws IOException {
        try (exchange) {
            UUID user = subject(exchange.getRequestHeaders().getFirst("Authorization"));
            if (user == null) {
                respond(exchange, 401, Map.of("status", 401, "code", "UNAUTHENTICATED"));
            } else if (FAILING_ADDRESS.contains(user)) {
                respond(exchange, 503, Map.of("status", 503, "code", "SERVICE_UNAVAILABLE"));
            } else if (!ADDRESSES.containsKey(user)) {
                respond(exchange, 404, Map.of("status", 404, "code", "NOT_FOUND"));
            } else {
                respond(exchange, 200, ADDRESSES.get(user));
            }
        }
    }

    private static void inbox(HttpExchange exchange) throws IOException {
        try (exchange) {
            UUID user = subject(exchange.getRequestHeaders().getFirst("Authorization"));
            if (user == null) {
                respond(exchange, 401, Map.of("status", 401, "code", "UNAUTHENTICATED"));
                return;
            }
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            int from = query.containsKey("cursor") ? Integer.parseInt(query.get("cursor")) : 0;
            if (FAILING.contains(user) || (from > 0 && FAILING_AFTER_FIRST_PAGE.contains(user))) {
                respond(exchange, 503, Map.of("status", 503, "code", "SERVICE_UNAVAILABLE"));
                return;
            }
            List<Map<String, Object>> inbox = List.copyOf(INBOXES.getOrDefault(user, List.of()));
            int size = Math.min(PAGE_SIZE, Integer.parseInt(query.getOrDefault("limit", "50")));
            int to = Math.min(inbox.size(), from + size);
            Map<String, Object> page = new LinkedHashMap<>();
            page.put("items", inbox.subList(Math.min(from, to), to));
            page.put("nextCursor", to < inbox.size() ? Integer.toString(to) : null);
            respond(exchange, 200, page);
        }
    }

    /** The token's subject, read without checking the signature: query-side's own filter checked it already. */
    private static UUID subject(String authorization) throws IOException {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        String[] parts = authorization.substring("Bearer ".length()).split("\\.");
        if (parts.length != 3) {
            return null;
        }
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        return UUID.fromString(claims.path("sub").asText());
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                parameters.put(
                        pair.substring(0, equals),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders()
                .set("Content-Type", status == 200 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
