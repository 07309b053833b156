package dev.studybuddy.command.group;

import static dev.studybuddy.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import dev.studybuddy.command.support.Accounts;
import dev.studybuddy.command.support.Accounts.SignedInUser;
import dev.studybuddy.command.support.CommandSideIT;
import dev.studybuddy.command.support.Groups;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A long group stream is snapshotted, and a group loaded from its snapshot still knows its roster. */
@CommandSideIT
class GroupSnapshotIT {

    @LocalServerPort
    int port;

    @Autowired
    MongoClient mongoClient;

    @Value("${spring.data.mongodb.database}")
    String database;

    @Autowired
    @Qualifier(GroupConfiguration.CACHE)
    Cache groupCache;

    @Test
    void aGroupRestoredFromItsSnapshotDecidesAsBefore() {
        SignedInUser owner = Accounts.signedIn(port, "snapowner");
        SignedInUser member = Accounts.signedIn(port, "snapmember");
        SignedInUser other = Accounts.signedIn(port, "snapother");
        UUID group = Groups.openWith(owner, "Long history", member, other);

        String role = "/api/groups/" + group + "/members/" + member.id() + "/role";
        for (int i = 0; i < 105; i++) {
            assertThat(owner.api()
                            .put(role, Map.of("role", i % 2 == 0 ? "ADMIN" : "MEMBER"))
                            .status())
                    .isEqualTo(204);
        }
        await().atMost(Duration.ofSeconds(20))
                .until(() -> mongoClient
                                .getDatabase(database)
                                .getCollection("snapshotevents")
                                .countDocuments(Filters.eq("aggregateIdentifier", group.toString()))
                        > 0);

        groupCache.removeAll();

        // the last change made the member an ADMIN: an admin may remove plain members but not the owner
        assertThat(member.api()
                        .delete("/api/groups/" + group + "/members/" + other.id())
                        .status())
                .isEqualTo(204);
        assertProblem(member.api().delete("/api/groups/" + group + "/members/" + owner.id()), 403, "FORBIDDEN");
        assertProblem(member.api().post("/api/groups/" + group + "/join", null), 409, "ALREADY_MEMBER");
    }
}
