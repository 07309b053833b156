package dev.studybuddy.query.realtime;

import dev.studybuddy.platform.scheduling.PeriodicTask;
import dev.studybuddy.query.consistency.ConsistencyWait;
import dev.studybuddy.query.group.GroupAccess;
import java.sql.Array;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Checks this node's group subscriptions against the groups read model every {@code membership-check-interval} and
 * ends those of users who are no longer members. A removal normally ends them at once, through the {@code member.left}
 * frame on Redis ({@link GroupSubscriptions#revoke}); but that frame goes at most once (a full publishing queue, an
 * open circuit, a failed publish drop it), and a subscription that missed it went on receiving the group's messages
 * until its client reconnected. One query per check for all of them; a group whose roster is stalled is left as it is
 * until it can be told (docs/adr/0013).
 */
@Component
class SubscriptionMembershipCheck implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionMembershipCheck.class);
    private static final String GROUPS = "groups";

    private final GroupSubscriptions subscriptions;
    private final GroupAccess access;
    private final ConsistencyWait consistency;
    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final RealtimeProperties properties;
    private PeriodicTask checker;
    private volatile boolean running;

    SubscriptionMembershipCheck(
            GroupSubscriptions subscriptions,
            GroupAccess access,
            ConsistencyWait consistency,
            EventStore eventStore,
            JdbcTemplate jdbc,
            RealtimeProperties properties) {
        this.subscriptions = subscriptions;
        this.access = access;
        this.consistency = consistency;
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    void check() {
        GroupSubscriptions.Subscribed subscribed = subscriptions.subscribedGroupsByUser();
        if (subscribed.groupsByUser().isEmpty()) {
            return;
        }
        List<UUID> users = new ArrayList<>();
        List<UUID> groups = new ArrayList<>();
        subscribed
                .groupsByUser()
                .forEach((userId, groupIds) -> groupIds.forEach(groupId -> {
                    users.add(userId);
                    groups.add(groupId);
                }));
        Set<String> members = new HashSet<>(jdbc.query(
                connection -> {
                    var statement = connection.prepareStatement("""
                            SELECT m.group_id, m.user_id FROM group_members m
                            JOIN unnest(?, ?) AS subscribed(group_id, user_id)
                              ON m.group_id = subscribed.group_id AND m.user_id = subscribed.user_id""");
                    Array groupArray = connection.createArrayOf("uuid", groups.toArray());
                    Array userArray = connection.createArrayOf("uuid", users.toArray());
                    statement.setArray(1, groupArray);
                    statement.setArray(2, userArray);
                    return statement;
                },
                (row, index) -> row.getObject("group_id", UUID.class) + "|" + row.getObject("user_id", UUID.class)));
        for (int i = 0; i < users.size(); i++) {
            UUID groupId = groups.get(i);
            UUID userId = users.get(i);
            if (!members.contains(groupId + "|" + userId) && noLongerMember(groupId, userId)) {
                log.info("Ending {}'s subscriptions to group {}: no longer a member", userId, groupId);
                subscriptions.endSubscriptions(groupId, userId, subscribed);
            }
        }
    }

    /**
     * Asked again alone. Only a roster that can tell ends anything: not a stalled one, and not one behind its group's
     * stream, as while a replay rebuilds it (its rows were emptied and come back event by event, on every node's
     * segments) or while it lags.
     */
    private boolean noLongerMember(UUID groupId, UUID userId) {
        GroupAccess.Access now = access.of(groupId, userId);
        if (now == GroupAccess.Access.MEMBER || now == GroupAccess.Access.ROSTER_BEHIND) {
            return false;
        }
        String aggregateId = groupId.toString();
        return eventStore
                .lastSequenceNumberFor(aggregateId)
                .map(last -> consistency.hasApplied(GROUPS, aggregateId, last))
                .orElse(false);
    }

    private void checkQuietly() {
        try {
            check();
        } catch (RuntimeException e) {
            log.warn("Checking the group subscriptions against the roster failed", e);
        }
    }

    @Override
    public void start() {
        checker =
                PeriodicTask.every(properties.membershipCheckInterval(), "stomp-membership-check", this::checkQuietly);
        checker.start();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (checker != null) {
            checker.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
