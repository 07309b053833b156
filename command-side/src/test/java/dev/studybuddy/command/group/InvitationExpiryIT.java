package dev.studybuddy.command.group;

import static dev.studybuddy.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studybuddy.api.group.InvitationExpiredEvent;
import dev.studybuddy.command.support.Accounts;
import dev.studybuddy.command.support.Accounts.SignedInUser;
import dev.studybuddy.command.support.CommandSideIT;
import dev.studybuddy.command.support.Groups;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Invitations lapse through the durable deadline manager (the test configuration gives them 4 s). */
@CommandSideIT
class InvitationExpiryIT {

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anUnansweredInvitationLapsesThroughTheDurableDeadline() {
        SignedInUser owner = Accounts.signedIn(port, "expiryowner");
        SignedInUser guest = Accounts.signedIn(port, "expiryguest");
        UUID group = Groups.created(owner, Map.of("name", "Lapsing", "joinPolicy", "INVITE_ONLY"));
        assertThat(owner.api()
                        .post(
                                "/api/groups/" + group + "/invitations",
                                Map.of("userId", guest.id().toString()))
                        .status())
                .isEqualTo(204);
        assertThat(jdbc.queryForObject("select count(*) from scheduled_tasks", Integer.class))
                .isPositive();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> eventStore
                        .readEvents(group.toString())
                        .asStream()
                        .map(DomainEventMessage::getPayload)
                        .anyMatch(InvitationExpiredEvent.class::isInstance));
        assertProblem(guest.api().post("/api/groups/" + group + "/invitations/accept", null), 404, "NOTHING_PENDING");
    }
}
