package dev.studybuddy.query.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.studybuddy.api.user.UserProfile;
import dev.studybuddy.platform.web.CursorPage;
import dev.studybuddy.query.support.Friendships;
import dev.studybuddy.query.support.QuerySideIT;
import dev.studybuddy.query.support.UserAccounts;
import dev.studybuddy.query.user.UserProfiles;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * query-side's PostgreSQL part of an export is one snapshot (docs/adr/0017): a friend request projected after the
 * export wrote its profile line, and before it reached the friendships, is not in it; the next export has it.
 */
@QuerySideIT
class AccountExportSnapshotIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    AccountExport export;

    @Autowired
    UserProfiles profiles;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Friendships friendships;

    @Test
    void whatIsProjectedWhileThePostgreSqlPartIsWrittenIsNotInIt() throws Exception {
        UUID me = registered("snap");
        UUID friend = registered("snapfriend");
        friendships.request(me, friend);
        accounts.awaitProjected("friendships", friendships.accept(me, friend));
        UUID late = registered("snaplate");
        UserProfile profile = profiles.find(me).orElseThrow();
        OtherServices.Parts others = new OtherServices.Parts(
                "no grant needed",
                Optional.empty(),
                List.of(),
                new NotificationSettings.Preferences(Map.of()),
                new CursorPage<>(List.of(), null));
        // on another thread: this one is inside the export's transaction
        Lines during = new Lines(() -> CompletableFuture.runAsync(
                        () -> accounts.awaitProjected("friendships", friendships.request(late, me)))
                .join());

        export.write(profile, others, during);

        assertThat(requestersIn(during.lines())).as("the snapshot's relations").containsExactly(friend);
        Lines after = new Lines(() -> {});
        export.write(profile, others, after);
        assertThat(requestersIn(after.lines())).containsExactlyInAnyOrder(friend, late);
    }

    private UUID registered(String prefix) {
        UserAccounts.Registered registered = accounts.register(UserAccounts.uniqueUsername(prefix), "Display");
        accounts.awaitProjected("users", registered.token());
        return registered.userId();
    }

    private static List<UUID> requestersIn(List<JsonNode> lines) {
        return lines.stream()
                .filter(line -> line.get("type").asText().equals("friendship"))
                .map(line -> UUID.fromString(line.get("userId").asText()))
                .toList();
    }

    /** The export's output; {@code afterFirstLine} runs once the profile line is written. */
    private static final class Lines extends ByteArrayOutputStream {

        private final Runnable afterFirstLine;
        private boolean first = true;

        Lines(Runnable afterFirstLine) {
            this.afterFirstLine = afterFirstLine;
        }

        @Override
        public synchronized void write(int b) {
            super.write(b);
            if (b == '\n' && first) {
                first = false;
                afterFirstLine.run();
            }
        }

        List<JsonNode> lines() throws Exception {
            List<JsonNode> lines = new ArrayList<>();
            for (String line : toString(StandardCharsets.UTF_8).split("\n")) {
                lines.add(JSON.readTree(line));
            }
            return lines;
        }
    }
}
