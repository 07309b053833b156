package dev.studybuddy.query.friendship;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studybuddy.query.support.Friendships;
import dev.studybuddy.query.support.QuerySideIT;
import dev.studybuddy.query.support.Replays;
import dev.studybuddy.query.support.UserAccounts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@QuerySideIT
class FriendshipsProjectionIT {

    @Autowired
    Friendships friendships;

    @Autowired
    UserAccounts accounts;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aReplayRebuildsTheSameTablesAndPositions() {
        UUID ann = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID cat = UUID.randomUUID();
        friendships.request(ann, bob);
        friendships.request(cat, ann);
        friendships.accept(cat, ann);
        friendships.request(bob, cat);
        friendships.block(cat, bob, false, bob);
        friendships.block(bob, cat, false, null);
        accounts.awaitProjected(FriendshipsProjection.PROCESSING_GROUP, friendships.unblock(cat, bob));

        Replays.assertReplayRebuilds(processing, FriendshipsProjection.PROCESSING_GROUP, this::tables);
    }

    @Test
    void anEndedFriendshipLeavesNoRowOnEitherSide() {
        UUID ann = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        friendships.request(ann, bob);
        friendships.accept(ann, bob);
        accounts.awaitProjected(FriendshipsProjection.PROCESSING_GROUP, friendships.unfriend(bob, ann));

        assertThat(jdbc.queryForObject("SELECT count(*) FROM friends WHERE user_id IN (?, ?)", Long.class, ann, bob))
                .isZero();
    }

    private Map<String, List<Map<String, Object>>> tables() {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        tables.put("friend_requests", jdbc.queryForList("SELECT * FROM friend_requests ORDER BY friendship_id"));
        tables.put("friends", jdbc.queryForList("SELECT * FROM friends ORDER BY user_id, friend_id"));
        tables.put("blocks", jdbc.queryForList("SELECT * FROM blocks ORDER BY blocker_id, blocked_id"));
        tables.put(
                "positions",
                jdbc.queryForList(
                        "SELECT * FROM projection_positions WHERE processing_group = ? ORDER BY aggregate_id",
                        FriendshipsProjection.PROCESSING_GROUP));
        return tables;
    }
}
