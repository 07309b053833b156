package dev.studybuddy.command.group;

import static dev.studybuddy.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.studybuddy.command.support.Accounts;
import dev.studybuddy.command.support.Accounts.SignedInUser;
import dev.studybuddy.command.support.CommandSideIT;
import dev.studybuddy.command.support.Groups;
import dev.studybuddy.testing.ApiClient;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@CommandSideIT
class StudySessionIT {

    @LocalServerPort
    int port;

    @Test
    void membersScheduleAndTheSchedulerOrManagersMoveAndCancel() {
        SignedInUser owner = Accounts.signedIn(port, "sessowner");
        SignedInUser member = Accounts.signedIn(port, "sessmember");
        SignedInUser other = Accounts.signedIn(port, "sessother");
        UUID group = Groups.openWith(owner, "Study hall", member, other);
        String startsAt = Instant.now()
                .plus(2, ChronoUnit.DAYS)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();

        ApiClient.Response scheduled = member.api()
                .post(
                        "/api/groups/" + group + "/sessions",
                        Map.of("title", "Past papers", "startsAt", startsAt, "durationMinutes", 60));
        assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(201);
        String session = "/api/groups/" + group + "/sessions/"
                + scheduled.json().get("sessionId").asText();

        assertProblem(other.api().patch(session, Map.of("title", "Mine now")), 403, "FORBIDDEN");
        assertThat(member.api().patch(session, Map.of("durationMinutes", 90)).status())
                .isEqualTo(204);
        assertThat(owner.api().delete(session).status()).isEqualTo(204);
        assertProblem(owner.api().delete(session), 404, "NOT_FOUND");

        assertProblem(
                member.api()
                        .post(
                                "/api/groups/" + group + "/sessions",
                                Map.of(
                                        "title",
                                        "Yesterday",
                                        "startsAt",
                                        Instant.now().minusSeconds(3600).toString(),
                                        "durationMinutes",
                                        60)),
                422,
                "RULE_VIOLATED");
        assertProblem(
                member.api()
                        .post(
                                "/api/groups/" + group + "/sessions",
                                Map.of("title", "Too long", "startsAt", startsAt, "durationMinutes", 5000)),
                400,
                "VALIDATION_FAILED");
        ApiClient.Response epochSeconds = member.api()
                .post(
                        "/api/groups/" + group + "/sessions",
                        Map.of("title", "Numbers", "startsAt", 1_800_000_000, "durationMinutes", 60));
        assertProblem(epochSeconds, 400, "MALFORMED_REQUEST");
        assertThat(epochSeconds.json().at("/errors/startsAt").asText()).startsWith("must be an ISO-8601 instant");
        ApiClient.Response textMinutes =
                member.api().patch(session, Map.of("startsAt", startsAt, "durationMinutes", "60"));
        assertProblem(textMinutes, 400, "MALFORMED_REQUEST");
        assertThat(textMinutes.json().at("/errors/durationMinutes").asText())
                .isEqualTo("must be a whole number in range");
        assertProblem(
                ApiClient.on(port)
                        .withToken(Accounts.adminToken(ApiClient.on(port)))
                        .post(
                                "/api/groups/" + group + "/sessions",
                                Map.of("title", "Outsider", "startsAt", startsAt, "durationMinutes", 60)),
                403,
                "NOT_A_MEMBER");
    }
}
