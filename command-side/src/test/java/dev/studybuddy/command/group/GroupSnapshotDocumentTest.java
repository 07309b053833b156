package dev.studybuddy.command.group;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.studybuddy.api.group.Actor;
import dev.studybuddy.api.group.GroupCreatedEvent;
import dev.studybuddy.api.group.GroupMessageDeletedEvent;
import dev.studybuddy.api.group.GroupMessagePostedEvent;
import dev.studybuddy.api.group.GroupRole;
import dev.studybuddy.api.group.GroupVisibility;
import dev.studybuddy.api.group.InvitationSentEvent;
import dev.studybuddy.api.group.JoinPolicy;
import dev.studybuddy.api.group.JoinRequestedEvent;
import dev.studybuddy.api.group.JoinRoute;
import dev.studybuddy.api.group.MemberJoinedEvent;
import dev.studybuddy.api.group.MemberRoleChangedEvent;
import dev.studybuddy.api.group.StudySessionCancelledEvent;
import dev.studybuddy.api.group.StudySessionRescheduledEvent;
import dev.studybuddy.api.group.StudySessionScheduledEvent;
import dev.studybuddy.api.group.UnarchiveGroupCommand;
import dev.studybuddy.api.group.UserBannedFromGroupEvent;
import dev.studybuddy.command.support.Snapshots;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * Nodes load snapshots that other versions of the group wrote (during a rolling deployment, and long after
 * it), and a snapshot is a Jackson document of the group's fields. This document is what the group wrote
 * while it was one class: it must load into the group its events build, and the group must keep writing
 * it, or a node would silently decide with an empty roster.
 */
class GroupSnapshotDocumentTest {

    /** Written by the group of {@link #history()} before the roster and the study sessions were split out. */
    private static final String WRITTEN_BEFORE_THE_SPLIT = """
            {
                "groupId": "00000000-0000-0000-0000-00000000000a",
                "name": "Linear Algebra",
                "description": "Weekly problem sets",
                "visibility": "PUBLIC",
                "joinPolicy": "APPROVAL",
                "capacity": 50,
                "archived": false,
                "ownerId": "00000000-0000-0000-0000-000000000001",
                "members": {
                    "00000000-0000-0000-0000-000000000001": "OWNER",
                    "00000000-0000-0000-0000-000000000002": "ADMIN",
                    "00000000-0000-0000-0000-000000000003": "MEMBER"
                },
                "banned": [
                    "00000000-0000-0000-0000-000000000006"
                ],
                "joinRequests": [
                    "00000000-0000-0000-0000-000000000004"
                ],
                "invitations": {
                    "00000000-0000-0000-0000-000000000005": 1
                },
                "invitationsSent": 1,
                "sessions": {
                    "00000000-0000-0000-0000-0000000000b1": {
                        "scheduledBy": "00000000-0000-0000-0000-000000000003",
                        "title": "Exam prep, part 2",
                        "startsAt": "2026-03-09T18:00:00Z",
                        "durationMinutes": 120,
                        "cancelled": false
                    },
                    "00000000-0000-0000-0000-0000000000b2": {
                        "scheduledBy": "00000000-0000-0000-0000-000000000002",
                        "title": "Proofs",
                        "startsAt": "2026-03-09T17:00:00Z",
                        "durationMinutes": 60,
                        "cancelled": true
                    }
                },
                "recentMessages": {
                    "latest": {
                        "00000000-0000-0000-0000-0000000000c1": {
                            "authorId": "00000000-0000-0000-0000-000000000003",
                            "postedAt": "2026-03-02T09:00:00Z",
                            "deleted": false
                        },
                        "00000000-0000-0000-0000-0000000000c2": {
                            "authorId": "00000000-0000-0000-0000-000000000001",
                            "postedAt": "2026-03-02T09:00:00Z",
                            "deleted": true
                        }
                    },
                    "complete": true
                }
            }
            """;

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final UUID GROUP = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID OWNER = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID ADMIN = UUID.fromString("00000000-0000-0000-0000-000000000002");
    private static final UUID MEMBER = UUID.fromString("00000000-0000-0000-0000-000000000003");
    private static final UUID REQUESTER = UUID.fromString("00000000-0000-0000-0000-000000000004");
    private static final UUID INVITEE = UUID.fromString("00000000-0000-0000-0000-000000000005");
    private static final UUID BANNED = UUID.fromString("00000000-0000-0000-0000-000000000006");
    private static final UUID SESSION = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    private static final UUID CANCELLED_SESSION = UUID.fromString("00000000-0000-0000-0000-0000000000b2");
    private static final UUID MESSAGE = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    private static final UUID DELETED_MESSAGE = UUID.fromString("00000000-0000-0000-0000-0000000000c2");
    private static final Instant STARTS_AT = Instant.parse("2026-03-09T17:00:00Z");
    /** Configured as command-side's snapshot serializer is (see {@link Snapshots}). */
    private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json()
            .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private static List<Object> history() {
        return List.of(
                new GroupCreatedEvent(
                        GROUP,
                        OWNER,
                        "Linear Algebra",
                        "Weekly problem sets",
                        GroupVisibility.PUBLIC,
                        JoinPolicy.APPROVAL,
                        50),
                new MemberJoinedEvent(GROUP, OWNER, GroupRole.OWNER, JoinRoute.CREATED),
                new MemberJoinedEvent(GROUP, ADMIN, GroupRole.MEMBER, JoinRoute.APPROVAL),
                new MemberRoleChangedEvent(GROUP, ADMIN, GroupRole.MEMBER, GroupRole.ADMIN, OWNER),
                new MemberJoinedEvent(GROUP, MEMBER, GroupRole.MEMBER, JoinRoute.APPROVAL),
                new JoinRequestedEvent(GROUP, REQUESTER),
                new InvitationSentEvent(GROUP, INVITEE, OWNER),
                new UserBannedFromGroupEvent(GROUP, BANNED, OWNER, false, false),
                new StudySessionScheduledEvent(GROUP, SESSION, MEMBER, "Exam prep", STARTS_AT, 90),
                new StudySessionScheduledEvent(GROUP, CANCELLED_SESSION, ADMIN, "Proofs", STARTS_AT, 60),
                new StudySessionCancelledEvent(GROUP, CANCELLED_SESSION, ADMIN),
                new StudySessionRescheduledEvent(
                        GROUP, SESSION, "Exam prep, part 2", STARTS_AT.plusSeconds(3600), 120, MEMBER),
                new GroupMessagePostedEvent(GROUP, MESSAGE, MEMBER, "Who has the notes?", null, List.of(), List.of()),
                new GroupMessagePostedEvent(GROUP, DELETED_MESSAGE, OWNER, "Oops", MESSAGE, List.of(), List.of()),
                new GroupMessageDeletedEvent(GROUP, DELETED_MESSAGE, OWNER, false));
    }

    @Test
    void aSnapshotWrittenBeforeTheSplitLoadsAsTheEventsBuildTheGroup() {
        fixture()
                .expectState(group -> assertThat(Snapshots.fromJson(WRITTEN_BEFORE_THE_SPLIT, Group.class))
                        .usingRecursiveComparison()
                        .isEqualTo(group));
    }

    @Test
    void theGroupStillWritesTheSameDocument() {
        fixture().expectState(group -> assertThat(tree(group)).isEqualTo(tree(WRITTEN_BEFORE_THE_SPLIT)));
    }

    private static ResultValidator<Group> fixture() {
        return new AggregateTestFixture<>(Group.class)
                .givenCurrentTime(NOW)
                .andGiven(history())
                .when(new UnarchiveGroupCommand(GROUP, Actor.member(OWNER)))
                .expectNoEvents();
    }

    private static JsonNode tree(Object group) {
        try {
            return JSON.readTree(group instanceof String json ? json : JSON.writeValueAsString(group));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
