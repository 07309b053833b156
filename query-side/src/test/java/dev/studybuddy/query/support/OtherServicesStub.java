package dev.studybuddy.query.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.studybuddy.testing.TestTokenIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What query-side's account export reads from the other services, served by a real HTTP server on a free port (one
 * per JVM), because query-side's tests start neither: command-side's {@code POST /api/users/me/export-grant} (a
 * grant signed by TestTokenIssuer, {@code scope: export}, 15 minutes), {@code GET /api/users/me/email} ({@code {email,
 * verified}}, 404 for an account without one) and {@code GET /api/users/me/sessions}; notification-saga's inbox
 * ({@code GET /api/notifications}, newest first, {@code {items, nextCursor}}) and
 * {@code GET /api/notifications/preferences}. Like the services, it answers only a bearer token's own subject and
 * refuses an expired token (401); the reads note whether they came with a grant ({@link #readWithoutGrant}). At most
 * {@value #PAGE_SIZE} notifications a page so that the export has to follow cursors, and a test can make it fail for
 * one user: the inbox from the first page ({@link #failFor}) or after it ({@link #failAfterFirstPageFor}), the
 * address ({@link #failAddressFor}); or answer each inbox page slowly ({@link #slowInboxFor}).
 */
public final class OtherServicesStub implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final int PAGE_SIZE = 2;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<UUID, List<Map<String, Object>>> INBOXES = new ConcurrentHashMap<>();
    private static final Set<UUID> FAILING = ConcurrentHashMap.newKeySet();
    private static final Set<UUID> FAILING_AFTER_FIRST_PAGE = ConcurrentHashMap.newKeySet();
    private static final Map<UUID, Map<String, Object>> ADDRESSES = new ConcurrentHashMap<>();
    private static final Set<UUID> FAILING_ADDRESS = ConcurrentHashMap.newKeySet();
    private static final Map<UUID, List<Map<String, Object>>> SESSIONS = new ConcurrentHashMap<>();
    private static final Map<UUID, Map<String, Boolean>> PREFERENCES = new ConcurrentHashMap<>();
    private static final Map<UUID, Duration> SLOW_INBOXES = new ConcurrentHashMap<>();
    private static final Set<UUID> READ_WITHOUT_GRANT = ConcurrentHashMap.newKeySet();
    private static final Map<String, Boolean> DEFAULT_PREFERENCES =
            Map.of("friend-request.received", true, "group.activity", false);
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

    /** A session (refresh-token family) of the user, as identity lists it. */
    public static void session(UUID userId, UUID sessionId, String userAgent, String address) {
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("id", sessionId.toString());
        session.put("createdAt", Instant.now().minusSeconds(3600).toString());
        session.put("lastUsedAt", Instant.now().toString());
        session.put("userAgent", userAgent);
        session.put("address", address);
        session.put("current", false);
        SESSIONS.computeIfAbsent(userId, user -> new ArrayList<>()).add(session);
    }

    /** The user's notification preferences; without this, {@link #DEFAULT_PREFERENCES}. */
    public static void preferences(UUID userId, Map<String, Boolean> email) {
        PREFERENCES.put(userId, Map.copyOf(email));
    }

    /** Each page of the user's inbox takes {@code delay} to answer. */
    public static void slowInboxFor(UUID userId, Duration delay) {
        SLOW_INBOXES.put(userId, delay);
    }

    /** Whether anything of the user was read with a token other than an export grant. */
    public static boolean readWithoutGrant(UUID userId) {
        return READ_WITHOUT_GRANT.contains(userId);
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
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/api/notifications", OtherServicesStub::inbox);
            server.createContext("/api/notifications/preferences", OtherServicesStub::preferences);
            server.createContext("/api/users/me/email", OtherServicesStub::address);
            server.createContext("/api/users/me/sessions", OtherServicesStub::sessions);
            server.createContext("/api/users/me/export-grant", OtherServicesStub::grant);
            server.start();
        }
        return server.getAddress().getPort();
    }

    private static void grant(HttpExchange exchange) throws IOException {
        try (exchange) {
            UUID user = subject(exchange.getRequestHeaders().getFirst("Authorization"));
            if (user == null || !"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, 401, Map.of("status", 401, "code", "UNAUTHENTICATED"));
                return;
            }
            Instant expiresAt = Instant.now().plus(Duration.ofMinutes(15));
            String grant = TestTokenIssuer.get()
                    .sign(TestTokenIssuer.get()
                            .claims(user)
                            .expirationTime(Date.from(expiresAt))
                            .claim("roles", List.of())
                            .claim("scope", "export")
                            .build());
            respond(exchange, 200, Map.of("grant", grant, "expiresAt", expiresAt.toString()));
        }
    }

    private static void sessions(HttpExchange exchange) throws IOException {
        try (exchange) {
            UUID user = reader(exchange);
            if (user != null) {
                respond(exchange, 200, SESSIONS.getOrDefault(user, List.of()));
            }
        }
    }

    private static void preferences(HttpExchange exchange) throws IOException {
        try (exchange) {
            UUID user = reader(exchange);
            if (user != null) {
                respond(exchange, 200, Map.of("email", PREFERENCES.getOrDefault(user, DEFAULT_PREFERENCES)));
            }
        }
    }

    /** The reading user, noted if not by a grant; null (after answering 401) without a valid token. */
    private static UUID reader(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        UUID user = subject(authorization);
        if (user == null) {
            respond(exchange, 401, Map.of("status", 401, "code", "UNAUTHENTICATED"));
        } else if (!"export".equals(claims(authorization).path("scope").asText())) {
            READ_WITHOUT_GRANT.add(user);
        }
        return user;
    }

    private static void address(HttpExchange exchange) throws IOException {
        try (exchange) {
            UUID user = reader(exchange);
            if (user == null) {
                return;
            }
            if (FAILING_ADDRESS.contains(user)) {
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
            UUID asking = subject(exchange.getRequestHeaders().getFirst("Authorization"));
            Duration delay = asking == null ? null : SLOW_INBOXES.get(asking);
            if (delay != null) {
                try {
                    Thread.sleep(delay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            UUID user = reader(exchange);
            if (user == null) {
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

    /**
     * The token's subject, null without one or once it expired; the signature is not checked, query-side's own
     * filter checked the caller's token and the grants are this stub's.
     */
    private static UUID subject(String authorization) throws IOException {
        JsonNode claims = claims(authorization);
        if (!claims.has("sub") || claims.path("exp").asLong() * 1000 <= System.currentTimeMillis()) {
            return null;
        }
        return UUID.fromString(claims.path("sub").asText());
    }

    private static JsonNode claims(String authorization) throws IOException {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return JSON.createObjectNode();
        }
        String[] parts = authorization.substring("Bearer ".length()).split("\\.");
        if (parts.length != 3) {
            return JSON.createObjectNode();
        }
        return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
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
