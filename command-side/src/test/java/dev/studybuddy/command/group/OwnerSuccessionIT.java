package dev.studybuddy.command.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studybuddy.api.group.OwnershipTransferredEvent;
import dev.studybuddy.command.support.Accounts;
import dev.studybuddy.command.support.Accounts.SignedInUser;
import dev.studybuddy.command.support.CommandSideIT;
import dev.studybuddy.command.support.Groups;
import dev.studybuddy.testing.ApiClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A closed account's groups pass to the next member over real HTTP and the owner-succession processor (ADR 0027). */
@CommandSideIT
class OwnerSuccessionIT {

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Test
    void aDeactivatedOwnersGroupsPassToTheirFirstAdminOrMemberWhoMayThenManageThem() {
        SignedInUser owner = Accounts.signedIn(port, "heirowner");
        SignedInUser member = Accounts.signedIn(port, "heirmember");
        SignedInUser admin = Accounts.signedIn(port, "heiradmin");
        UUID withAdmin = Groups.openWith(owner, "Optics", member, admin);
        ApiClient.Response promoted = owner.api()
                .put("/api/groups/" + withAdmin + "/members/" + admin.id() + "/role", Map.of("role", "ADMIN"));
        assertThat(promoted.status()).as(promoted.toString()).isEqualTo(204);
        UUID membersOnly = Groups.openWith(owner, "Acoustics", member);
        UUID someoneElses = Groups.openWith(member, "Mechanics", owner);

        ApiClient staff = ApiClient.on(port).withToken(Accounts.adminToken(ApiClient.on(port)));
        ApiClient.Response deactivated = staff.post("/api/admin/users/" + owner.id() + "/deactivate", null);
        assertThat(deactivated.status()).as(deactivated.toString()).isEqualTo(204);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(handovers(withAdmin))
                    .containsExactly(new OwnershipTransferredEvent(withAdmin, owner.id(), admin.id()));
            assertThat(handovers(membersOnly))
                    .containsExactly(new OwnershipTransferredEvent(membersOnly, owner.id(), member.id()));
        });
        assertThat(handovers(someoneElses)).isEmpty();
        ApiClient.Response managed = admin.api()
                .put("/api/groups/" + withAdmin + "/members/" + member.id() + "/role", Map.of("role", "ADMIN"));
        assertThat(managed.status()).as(managed.toString()).isEqualTo(204);
    }

    private List<OwnershipTransferredEvent> handovers(UUID groupId) {
        List<OwnershipTransferredEvent> transfers = new ArrayList<>();
        eventStore.readEvents(groupId.toString()).forEachRemaining(event -> {
            if (event.getPayload() instanceof OwnershipTransferredEvent transferred) {
                transfers.add(transferred);
            }
        });
        return transfers;
    }
}
