package dev.studybuddy.command.group;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studybuddy.api.group.Actor;
import dev.studybuddy.api.group.GroupCreatedEvent;
import dev.studybuddy.api.group.GroupMessagePinnedEvent;
import dev.studybuddy.api.group.GroupMessagePostedEvent;
import dev.studybuddy.api.group.GroupReactionAddedEvent;
import dev.studybuddy.api.group.GroupRole;
import dev.studybuddy.api.group.GroupVisibility;
import dev.studybuddy.api.group.JoinPolicy;
import dev.studybuddy.api.group.JoinRoute;
import dev.studybuddy.api.group.MemberJoinedEvent;
import dev.studybuddy.api.group.UnarchiveGroupCommand;
import dev.studybuddy.command.support.Snapshots;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.Test;

/**
 * As {@link GroupSnapshotDocumentTest}, for a group whose conversation has pins and reactions, which a group
 * leaves out of its snapshot while it has none: the document the group wrote while it held its conversation in
 * fields of its own loads into the group its events build, and the group keeps writing it.
 */
class GroupConversationSnapshotDocumentTest {

    /** Written by the group of {@link #history()} before its conversation became a class of its own. */
    private static final String WRITTEN_BEFORE_THE_SPLIT = """
            {
                "groupId": "00000000-0000-0000-0000-00000000000a",
                "name": "Linear Algebra",
                "description": "Weekly problem sets",
                "visibility": "PUBLIC",
                "joinPolicy": "OPEN",
                "capacity": 50,
                "archived": false,
                "ownerId": "00000000-0000-0000-0000-000000000001",
                "members": {
                    "00000000-0000-0000-0000-000000000001": "OWNER",
                    "00000000-0000-0000-0000-000000000003": "MEMBER"
                },
                "banned": [],
                "joinRequests": [],
                "invitations": {},
                "invitationsSent": 0,
                "sessions": {},
                "recentMessages": {
                    "latest": {
                        "00000000-0000-0000-0000-0000000000c1": {
                            "authorId": "00000000-0000-0000-0000-000000000003",
                            "postedAt": "2026-03-02T09:00:00Z",
                            "deleted": false
                        }
                    },
                    "complete": true
                },
                "pinnedMessages": [
                    "00000000-0000-0000-0000-0000000000c1"
                ],
                "recentReactions": {
                    "byMessage": {
                        "00000000-0000-0000-0000-0000000000c1": {
                            ":tada:": [
                                "00000000-0000-0000-0000-000000000001",
                                "00000000-0000-0000-0000-000000000003"
                            ]
                        }
                    },
                    "closed": [],
                    "size": 2
                }
            }
            """;

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final UUID GROUP = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID OWNER = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID MEMBER = UUID.fromString("00000000-0000-0000-0000-000000000003");
    private static final UUID MESSAGE = UUID.fromString("00000000-0000-0000-0000-0000000000c1");

    private static List<Object> history() {
        return List.of(
                new GroupCreatedEvent(
                        GROUP,
                        OWNER,
                        "Linear Algebra",
                        "Weekly problem sets",
                        GroupVisibility.PUBLIC,
                        JoinPolicy.OPEN,
                        50),
                new MemberJoinedEvent(GROUP, OWNER, GroupRole.OWNER, JoinRoute.CREATED),
                new MemberJoinedEvent(GROUP, MEMBER, GroupRole.MEMBER, JoinRoute.OPEN),
                new GroupMessagePostedEvent(GROUP, MESSAGE, MEMBER, "Solved it", null, List.of(), List.of()),
                new GroupMessagePinnedEvent(GROUP, MESSAGE, OWNER),
                new GroupReactionAddedEvent(GROUP, MESSAGE, OWNER, ":tada:"),
                new GroupReactionAddedEvent(GROUP, MESSAGE, MEMBER, ":tada:"));
    }

    @Test
    void aSnapshotWithPinsAndReactionsLoadsAsTheEventsBuildTheGroup() {
        fixture()
                .expectState(group -> assertThat(Snapshots.fromJson(WRITTEN_BEFORE_THE_SPLIT, Group.class))
                        .usingRecursiveComparison()
                        .isEqualTo(group));
    }

    @Test
    void theGroupStillWritesTheSameDocument() {
        fixture()
                .expectState(group ->
                        assertThat(Snapshots.document(group)).isEqualTo(Snapshots.document(WRITTEN_BEFORE_THE_SPLIT)));
    }

    private static ResultValidator<Group> fixture() {
        return new AggregateTestFixture<>(Group.class)
                .givenCurrentTime(NOW)
                .andGiven(history())
                .when(new UnarchiveGroupCommand(GROUP, Actor.member(OWNER)))
                .expectNoEvents();
    }
}
