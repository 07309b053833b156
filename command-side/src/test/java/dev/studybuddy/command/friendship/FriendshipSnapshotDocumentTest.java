package dev.studybuddy.command.friendship;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studybuddy.api.friendship.DirectMessageDeletedEvent;
import dev.studybuddy.api.friendship.DirectMessagePinnedEvent;
import dev.studybuddy.api.friendship.DirectMessageSentEvent;
import dev.studybuddy.api.friendship.DirectReactionAddedEvent;
import dev.studybuddy.api.friendship.DirectReadPositionAdvancedEvent;
import dev.studybuddy.api.friendship.FriendRequestAcceptedEvent;
import dev.studybuddy.api.friendship.FriendRequestSentEvent;
import dev.studybuddy.api.friendship.MarkDirectReadCommand;
import dev.studybuddy.command.support.Snapshots;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.Test;

/**
 * Nodes load snapshots that other versions of the pair wrote (during a rolling deployment, and long after it), and
 * a snapshot is a Jackson document of the pair's fields. This document is what the pair wrote while it held its
 * conversation in fields of its own: it must load into the pair its events build, and the pair must keep writing it.
 */
class FriendshipSnapshotDocumentTest {

    /** Written by the pair of {@link #history()} before its conversation became a class of its own. */
    private static final String WRITTEN_BEFORE_THE_SPLIT = """
            {
                "friendshipId": "00000000-0000-0000-0000-000000000001_00000000-0000-0000-0000-000000000002",
                "requester": null,
                "addressee": null,
                "friends": true,
                "blockers": [],
                "recentMessages": {
                    "latest": {
                        "00000000-0000-0000-0000-0000000000c1": {
                            "authorId": "00000000-0000-0000-0000-000000000001",
                            "postedAt": "2026-03-02T09:00:00Z",
                            "deleted": false
                        },
                        "00000000-0000-0000-0000-0000000000c2": {
                            "authorId": "00000000-0000-0000-0000-000000000002",
                            "postedAt": "2026-03-02T09:00:00Z",
                            "deleted": true
                        }
                    },
                    "complete": true
                },
                "readPositions": {
                    "00000000-0000-0000-0000-000000000002": 4
                },
                "pinnedMessages": [
                    "00000000-0000-0000-0000-0000000000c1"
                ],
                "recentReactions": {
                    "byMessage": {
                        "00000000-0000-0000-0000-0000000000c1": {
                            ":thumbsup:": [
                                "00000000-0000-0000-0000-000000000002"
                            ]
                        }
                    },
                    "closed": [],
                    "size": 1
                }
            }
            """;

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final UUID ANN = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID BEN = UUID.fromString("00000000-0000-0000-0000-000000000002");
    private static final String PAIR = ANN + "_" + BEN;
    private static final UUID MESSAGE = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    private static final UUID DELETED_MESSAGE = UUID.fromString("00000000-0000-0000-0000-0000000000c2");

    private static List<Object> history() {
        return List.of(
                new FriendRequestSentEvent(PAIR, ANN, BEN),
                new FriendRequestAcceptedEvent(PAIR, ANN, BEN),
                new DirectMessageSentEvent(PAIR, MESSAGE, ANN, BEN, "Notes?", null, List.of()),
                new DirectMessageSentEvent(PAIR, DELETED_MESSAGE, BEN, ANN, "Oops", MESSAGE, List.of()),
                new DirectMessageDeletedEvent(PAIR, DELETED_MESSAGE, BEN),
                new DirectReadPositionAdvancedEvent(PAIR, BEN, 4),
                new DirectMessagePinnedEvent(PAIR, MESSAGE, BEN),
                new DirectReactionAddedEvent(PAIR, MESSAGE, BEN, ":thumbsup:"));
    }

    @Test
    void aSnapshotWrittenBeforeTheSplitLoadsAsTheEventsBuildThePair() {
        fixture()
                .expectState(pair -> assertThat(Snapshots.fromJson(WRITTEN_BEFORE_THE_SPLIT, Friendship.class))
                        .usingRecursiveComparison()
                        .isEqualTo(pair));
    }

    @Test
    void thePairStillWritesTheSameDocument() {
        fixture()
                .expectState(pair ->
                        assertThat(Snapshots.document(pair)).isEqualTo(Snapshots.document(WRITTEN_BEFORE_THE_SPLIT)));
    }

    private static ResultValidator<Friendship> fixture() {
        return new AggregateTestFixture<>(Friendship.class)
                .givenCurrentTime(NOW)
                .andGiven(history())
                .when(new MarkDirectReadCommand(BEN, ANN, 3))
                .expectNoEvents();
    }
}
