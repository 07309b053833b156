package dev.studybuddy.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Calls every operation of a service's OpenAPI description with input no well-behaved client sends (odd path and
 * query parameter values; JSON bodies whose fields hold a NUL, a control character, a lone surrogate, a huge string or the wrong type; bodies
 * that are not JSON at all) and collects every answer that breaks the API's promise (docs/api.md, Errors): a 5xx, a
 * 4xx that is not {@code application/problem+json}, or a body that names Java's insides. What it found when first run
 * by hand against {@code bin/run}: a NUL in the login's user name was a 500.
 */
public final class OddInputs {

    /** One answer that breaks the promise: the request as sent, and what came back. */
    public record Finding(String request, int status, String contentType, String body) {

        @Override
        public String toString() {
            return request + " -> " + status + " " + contentType + " "
                    + body.substring(0, Math.min(200, body.length()));
        }
    }

    /** What a probe found, and how many requests it sent (a probe that sent none proves nothing). */
    public record Report(List<Finding> findings, int requests) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");
    private static final List<String> ODD_PATH_VALUES =
            List.of("not-a-uuid", "00000000-0000-0000-0000-000000000000", "9".repeat(30), "%F0%9F%98%80", "%25");
    private static final List<String> ODD_QUERY_VALUES =
            List.of("", "x", "-1", "9".repeat(30), "%00", "%FF", "1e309", "2026-13-45T99:99:99Z", "a".repeat(3_000));
    private static final List<Object> ODD_FIELD_VALUES = List.of(
            "a\u0000b",
            "x\u0007y",
            "\ud800",
            "x".repeat(20_000),
            "",
            12,
            -1,
            new BigInteger("9".repeat(30)),
            true,
            List.of(),
            Map.of());
    private static final List<String> NOT_JSON =
            List.of("{", "[]", "\"text\"", "{\"a\":".repeat(3_000), "{\"x\":1} trailing");
    private static final Pattern INSIDES = Pattern.compile("Exception|\\.java:\\d+|org\\.springframework|\\tat ");

    private OddInputs() {}

    /** Probes every operation the service on {@code port} describes, as a user the test token issuer signs for. */
    public static Report probeAsAUser(int port) {
        ApiClient caller = ApiClient.on(port).withToken(TestTokenIssuer.get().accessToken(UUID.randomUUID()));
        return probe(() -> caller, ApiClient.on(port).get("/v3/api-docs").json(), operation -> false);
    }

    /**
     * Probes every operation of {@code openApi}, each request through a client {@code clients} gives (carrying the
     * caller's token, and what else the service needs: an address of its own for each request where limits count per
     * address), but those {@code skip} names ({@code "POST /api/auth/logout"}: what would end the caller's session).
     */
    public static Report probe(Supplier<ApiClient> clients, JsonNode openApi, Predicate<String> skip) {
        List<Finding> findings = new ArrayList<>();
        int[] requests = {0};
        Supplier<ApiClient> counted = () -> {
            requests[0]++;
            return clients.get();
        };
        JsonNode schemas = openApi.path("components").path("schemas");
        Iterator<Map.Entry<String, JsonNode>> paths = openApi.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields();
            while (operations.hasNext()) {
                Map.Entry<String, JsonNode> operation = operations.next();
                String method = operation.getKey().toUpperCase();
                String template = path.getKey();
                if (template.startsWith("/actuator") || skip.test(method + " " + template)) {
                    continue;
                }
                JsonNode body = jsonBody(operation.getValue(), schemas);
                probeOperation(counted, method, template, body, findings);
                probeQueryParameters(counted, method, template, operation.getValue(), body, findings);
            }
        }
        return new Report(List.copyOf(findings), requests[0]);
    }

    private static void probeOperation(
            Supplier<ApiClient> client, String method, String template, JsonNode bodySchema, List<Finding> findings) {
        Object plainBody = bodySchema == null ? null : sample(bodySchema);
        Matcher variables = PATH_VARIABLE.matcher(template);
        List<String> names = new ArrayList<>();
        while (variables.find()) {
            names.add(variables.group(1));
        }
        for (String name : names) {
            for (String odd : ODD_PATH_VALUES) {
                call(client, method, fill(template, name, odd), plainBody, findings);
            }
        }
        if (bodySchema == null) {
            return;
        }
        String path = fill(template, null, null);
        for (Iterator<String> fields = bodySchema.path("properties").fieldNames(); fields.hasNext(); ) {
            String field = fields.next();
            for (Object odd : ODD_FIELD_VALUES) {
                ObjectNode body = (ObjectNode) sample(bodySchema);
                body.set(field, JSON.valueToTree(odd));
                call(client, method, path, body, findings);
            }
        }
        for (String notJson : NOT_JSON) {
            call(client, method, path, notJson, findings);
        }
    }

    private static void probeQueryParameters(
            Supplier<ApiClient> client,
            String method,
            String template,
            JsonNode operation,
            JsonNode bodySchema,
            List<Finding> findings) {
        Object plainBody = bodySchema == null ? null : sample(bodySchema);
        String path = fill(template, null, null);
        for (JsonNode parameter : operation.path("parameters")) {
            if (!"query".equals(parameter.path("in").asText())) {
                continue;
            }
            for (String odd : ODD_QUERY_VALUES) {
                call(client, method, path + "?" + parameter.path("name").asText() + "=" + odd, plainBody, findings);
            }
        }
    }

    private static void call(
            Supplier<ApiClient> client, String method, String path, Object body, List<Finding> findings) {
        ApiClient.Response response = client.get().send(method, path, body);
        String contentType = response.header("Content-Type").orElse("");
        int status = response.status();
        boolean broken = status >= 500
                || status >= 400 && !contentType.startsWith("application/problem+json")
                || INSIDES.matcher(response.body()).find();
        if (broken) {
            String sent = body == null ? "" : " " + abbreviated(body instanceof String text ? text : body.toString());
            findings.add(new Finding(method + " " + path + sent, status, contentType, response.body()));
        }
    }

    /** The operation's JSON body schema, its {@code $ref} followed; null when it takes none. */
    private static JsonNode jsonBody(JsonNode operation, JsonNode schemas) {
        JsonNode schema = operation
                .path("requestBody")
                .path("content")
                .path("application/json")
                .path("schema");
        if (schema.isMissingNode()) {
            return null;
        }
        String ref = schema.path("$ref").asText("");
        return ref.isEmpty() ? schema : schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
    }

    /** A body with every property present: a plain word for each, which the odd value then replaces in turn. */
    private static JsonNode sample(JsonNode schema) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        schema.path("properties").fieldNames().forEachRemaining(field -> body.put(field, "word"));
        return body;
    }

    /** The template with {@code name} set to {@code value} and every other variable to a random id. */
    private static String fill(String template, String name, String value) {
        Matcher variables = PATH_VARIABLE.matcher(template);
        StringBuilder path = new StringBuilder();
        while (variables.find()) {
            String replacement =
                    variables.group(1).equals(name) ? value : UUID.randomUUID().toString();
            variables.appendReplacement(path, Matcher.quoteReplacement(replacement));
        }
        variables.appendTail(path);
        return path.toString();
    }

    private static String abbreviated(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
