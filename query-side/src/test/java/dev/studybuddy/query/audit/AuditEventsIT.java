package dev.studybuddy.query.audit;

import static dev.studybuddy.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.studybuddy.api.metadata.MessageMetadata;
import dev.studybuddy.api.user.PlatformRole;
import dev.studybuddy.api.user.ProfileChangedEvent;
import dev.studybuddy.api.user.UserRegisteredEvent;
import dev.studybuddy.query.support.QuerySideIT;
import dev.studybuddy.query.support.UserAccounts;
import dev.studybuddy.testing.ApiClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The global event stream for auditors: filtered, paged in store order, exported as NDJSON. */
@QuerySideIT
class AuditEventsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    EventStore eventStore;

    @Test
    void theGlobalStreamIsFilteredByActorAndTypeAndPagedInStoreOrder() {
        Instant before = Instant.now().minusMillis(5);
        UUID actor = UUID.randomUUID();
        UUID user = appendAccount(actor, 5);

        List<JsonNode> all = pages("/api/audit/events?limit=2&actor=" + actor);
        assertThat(all).hasSize(6);
        assertThat(all).allSatisfy(event -> {
            assertThat(event.get("actor").asText()).isEqualTo(actor.toString());
            assertThat(event.get("aggregateId").asText()).isEqualTo(user.toString());
            assertThat(event.get("hash").asText()).hasSize(64);
        });
        assertThat(all).extracting(event -> event.get("sequence").asLong()).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(all)
                .extracting(event -> Instant.parse(event.get("time").asText()))
                .isSorted();

        assertThat(pages("/api/audit/events?type=ProfileChangedEvent&actor=" + actor))
                .hasSize(5)
                .allSatisfy(
                        event -> assertThat(event.get("type").asText()).isEqualTo(ProfileChangedEvent.class.getName()));
        assertThat(pages("/api/audit/events?type=" + UserRegisteredEvent.class.getName() + "&actor=" + actor))
                .hasSize(1);
        assertThat(pages("/api/audit/events?actor=" + actor + "&from=" + before))
                .hasSize(6);
        assertThat(pages("/api/audit/events?actor=" + actor + "&to=" + before)).isEmpty();
        assertProblem(auditor().get("/api/audit/events?cursor=not-ours"), 400, "MALFORMED_REQUEST");
    }

    @Test
    void anNdjsonExportStreamsEveryMatchingEvent() throws Exception {
        UUID actor = UUID.randomUUID();
        appendAccount(actor, 300);

        HttpResponse<String> export = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + port + "/api/audit/events?actor=" + actor))
                                .header("Authorization", "Bearer " + accounts.tokenOfNew("USER", "AUDITOR"))
                                .header("Accept", "application/x-ndjson")
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/x-ndjson"));
        List<JsonNode> lines = new ArrayList<>();
        for (String line : export.body().split("\n")) {
            lines.add(JSON.readTree(line));
        }
        assertThat(lines)
                .hasSize(301)
                .allSatisfy(event -> assertThat(event.get("actor").asText()).isEqualTo(actor.toString()));
        assertThat(lines).extracting(event -> event.get("sequence").asLong()).isSorted();
    }

    @Test
    void administratorsMayReadItAndNobodyElse() {
        assertThat(client("USER", "ADMIN").get("/api/audit/events?limit=1").status())
                .isEqualTo(200);
        for (Set<String> roles : List.of(Set.of("USER"), Set.of("USER", "MODERATOR"))) {
            ApiClient caller = client(roles.toArray(String[]::new));
            assertProblem(caller.get("/api/audit/events"), 403, "FORBIDDEN");
            assertProblem(
                    caller.withHeader("Accept", "application/x-ndjson").get("/api/audit/events"), 403, "FORBIDDEN");
            assertProblem(caller.get("/api/admin/projections"), 403, "FORBIDDEN");
            assertProblem(caller.post("/api/admin/projections/users/replay", null), 403, "FORBIDDEN");
        }
        // auditors read the projections' status but do not replay them
        assertThat(auditor().get("/api/admin/projections").status()).isEqualTo(200);
        assertProblem(auditor().post("/api/admin/projections/users/replay", null), 403, "FORBIDDEN");
        assertThat(ApiClient.on(port).get("/api/audit/events").status()).isEqualTo(401);
    }

    /** A registration and {@code changes} profile changes of a new account, each by {@code actor}. */
    private UUID appendAccount(UUID actor, int changes) {
        UUID user = UUID.randomUUID();
        MetaData metaData =
                MetaData.with(MessageMetadata.ACTOR, actor.toString()).and(MessageMetadata.TRACE_ID, "trace-" + actor);
        List<GenericDomainEventMessage<?>> events = new ArrayList<>();
        events.add(new GenericDomainEventMessage<>(
                UserAccounts.AGGREGATE_TYPE,
                user.toString(),
                0,
                new UserRegisteredEvent(
                        user, UserAccounts.uniqueUsername("audited"), "Audited", Set.of(PlatformRole.USER)),
                metaData));
        for (int i = 1; i <= changes; i++) {
            events.add(new GenericDomainEventMessage<>(
                    UserAccounts.AGGREGATE_TYPE,
                    user.toString(),
                    i,
                    new ProfileChangedEvent(user, "Audited " + i, null),
                    metaData));
        }
        eventStore.publish(events);
        return user;
    }

    private List<JsonNode> pages(String path) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            ApiClient.Response page = auditor().get(path + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.json().get("items").forEach(items::add);
            cursor = page.json().get("nextCursor").isNull()
                    ? null
                    : page.json().get("nextCursor").asText();
        } while (cursor != null);
        return items;
    }

    private ApiClient auditor() {
        return client("USER", "AUDITOR");
    }

    /** A new account's client: privileged roles are good only where the account's events grant them. */
    private ApiClient client(String... roles) {
        return ApiClient.on(port).withToken(accounts.tokenOfNew(roles));
    }
}
