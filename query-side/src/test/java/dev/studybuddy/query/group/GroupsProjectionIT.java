package dev.studybuddy.query.group;

import dev.studybuddy.api.group.GroupRole;
import dev.studybuddy.api.group.GroupVisibility;
import dev.studybuddy.api.group.JoinPolicy;
import dev.studybuddy.platform.consistency.ConsistencyToken;
import dev.studybuddy.query.support.Groups;
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
class GroupsProjectionIT {

    @Autowired
    Groups groups;

    @Autowired
    UserAccounts accounts;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aReplayRebuildsTheSameTablesAndPositions() {
        UUID owner = UUID.randomUUID();
        UUID admin = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        UUID banned = UUID.randomUUID();
        UUID applicant = UUID.randomUUID();
        UUID invitee = UUID.randomUUID();
        UUID open = groups.create(owner, "Replay open", GroupVisibility.PUBLIC, JoinPolicy.OPEN, 10)
                .groupId();
        groups.join(open, admin);
        groups.join(open, member);
        groups.join(open, banned);
        groups.changeRole(open, admin, GroupRole.MEMBER, GroupRole.ADMIN, owner);
        groups.ban(open, banned, owner, true);
        groups.transferOwnership(open, owner, admin);
        groups.changeDetails(open, "Replay renamed", GroupVisibility.PUBLIC, JoinPolicy.APPROVAL, 20, admin);
        groups.requestToJoin(open, applicant);
        ConsistencyToken openDone = groups.invite(open, invitee, admin);
        UUID closed = groups.create(owner, "Replay closed", GroupVisibility.PRIVATE, JoinPolicy.INVITE_ONLY, 5)
                .groupId();
        groups.invite(closed, member, owner);
        groups.acceptInvitation(closed, member);
        accounts.awaitProjected(GroupsProjection.PROCESSING_GROUP, groups.archive(closed, owner));
        // the two groups may sit in different segments: wait for each group's last event
        accounts.awaitProjected(GroupsProjection.PROCESSING_GROUP, openDone);

        Replays.assertReplayRebuilds(processing, GroupsProjection.PROCESSING_GROUP, this::tables);
    }

    private Map<String, List<Map<String, Object>>> tables() {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        tables.put("groups", jdbc.queryForList("SELECT * FROM groups ORDER BY group_id"));
        tables.put("group_members", jdbc.queryForList("SELECT * FROM group_members ORDER BY group_id, user_id"));
        tables.put("group_bans", jdbc.queryForList("SELECT * FROM group_bans ORDER BY group_id, user_id"));
        tables.put(
                "group_join_requests",
                jdbc.queryForList("SELECT * FROM group_join_requests ORDER BY group_id, user_id"));
        tables.put(
                "group_invitations", jdbc.queryForList("SELECT * FROM group_invitations ORDER BY group_id, user_id"));
        tables.put(
                "positions",
                jdbc.queryForList(
                        "SELECT * FROM projection_positions WHERE processing_group = ? ORDER BY aggregate_id",
                        GroupsProjection.PROCESSING_GROUP));
        return tables;
    }
}
