package dev.studybuddy.command.group;

import dev.studybuddy.api.group.Actor;
import dev.studybuddy.api.group.GroupRole;
import dev.studybuddy.api.group.GroupVisibility;
import dev.studybuddy.api.group.JoinPolicy;
import dev.studybuddy.api.group.MemberJoinedEvent;
import dev.studybuddy.command.user.TestUserDirectory;
import dev.studybuddy.testing.scenarios.Decision;
import dev.studybuddy.testing.scenarios.GroupDecisions;
import dev.studybuddy.testing.scenarios.Scenario;
import java.util.List;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;

/**
 * The cast and the usual history of the group fixture tests: an owner, an admin and a plain member,
 * an outsider who may join, and a platform moderator who belongs to no group. The history is told with
 * the shared {@link GroupDecisions}, which GroupScenariosTest checks against this aggregate.
 */
final class GroupHistory {

    static final UUID GROUP = UUID.randomUUID();
    static final UUID OWNER = UUID.randomUUID();
    static final UUID ADMIN = UUID.randomUUID();
    static final UUID MEMBER = UUID.randomUUID();
    static final UUID OUTSIDER = UUID.randomUUID();
    static final UUID MODERATOR = UUID.randomUUID();
    static final UUID DEACTIVATED = UUID.randomUUID();
    static final UUID UNKNOWN = UUID.randomUUID();

    static final java.time.Duration INVITATION_LIFETIME = java.time.Duration.ofDays(7);
    static final String NAME = "Linear Algebra";
    static final String DESCRIPTION = "Weekly problem sets";

    private GroupHistory() {}

    static AggregateTestFixture<Group> fixture() {
        AggregateTestFixture<Group> fixture = new AggregateTestFixture<>(Group.class);
        fixture.registerInjectableResource(new TestUserDirectory()
                .active(OWNER, ADMIN, MEMBER, OUTSIDER, MODERATOR)
                .deactivated(DEACTIVATED)
                .directory());
        fixture.registerInjectableResource(new GroupSettings(INVITATION_LIFETIME));
        return fixture;
    }

    static Actor as(UUID userId) {
        return Actor.member(userId);
    }

    /** A platform MODERATOR or ADMIN acting, whatever their place in the group. */
    static Actor asPlatformModerator(UUID userId) {
        return new Actor(userId, true);
    }

    /** A group of OWNER alone. */
    static List<Object> created(JoinPolicy policy, int capacity) {
        return creation(policy, capacity).events();
    }

    /** OWNER, ADMIN (promoted from member) and MEMBER: three seats taken. */
    static List<Object> roster(JoinPolicy policy, int capacity) {
        return new Scenario(
                        "roster",
                        List.of(
                                creation(policy, capacity),
                                GroupDecisions.join(GROUP, ADMIN),
                                GroupDecisions.changeRole(GROUP, ADMIN, GroupRole.MEMBER, GroupRole.ADMIN, OWNER),
                                GroupDecisions.join(GROUP, MEMBER)))
                .events();
    }

    static List<Object> roster(JoinPolicy policy) {
        return roster(policy, 50);
    }

    static MemberJoinedEvent joined(UUID userId) {
        return GroupDecisions.join(GROUP, userId).event();
    }

    private static Decision creation(JoinPolicy policy, int capacity) {
        return GroupDecisions.create(GROUP, OWNER, NAME, DESCRIPTION, GroupVisibility.PUBLIC, policy, capacity);
    }
}
