package dev.studybuddy.testing.scenarios;

import static dev.studybuddy.testing.scenarios.GroupDecisions.*;

import dev.studybuddy.api.group.GroupRole;
import dev.studybuddy.api.group.GroupVisibility;
import dev.studybuddy.api.group.JoinPolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Histories of a study group, one for each of the {@link GroupDecisions} consumers' tests write, told
 * with one cast. Command-side's GroupScenariosTest replays each against the real Group aggregate and
 * expects exactly these events, decision by decision; a decision added to GroupDecisions belongs in
 * one of these histories.
 */
public final class GroupScenarios {

    public static final UUID OWNER = UUID.randomUUID();
    public static final UUID ADMIN = UUID.randomUUID();
    public static final UUID MEMBER = UUID.randomUUID();
    /** Not in the group until a scenario lets them in. */
    public static final UUID NEWCOMER = UUID.randomUUID();
    /** A platform moderator who belongs to no group. */
    public static final UUID MODERATOR = UUID.randomUUID();

    private static final String NAME = "Linear Algebra";
    private static final String DESCRIPTION = "Weekly problem sets";
    private static final int CAPACITY = 50;

    private GroupScenarios() {}

    /** Everyone the scenarios cast, all of them active users. */
    public static List<UUID> cast() {
        return List.of(OWNER, ADMIN, MEMBER, NEWCOMER, MODERATOR);
    }

    public static List<Scenario> all() {
        return List.of(
                created(),
                roster(),
                memberLeft(),
                membersRemovedAndBanned(),
                joinRequestsDecided(),
                invitationsAnswered(),
                ownershipTransferred(),
                detailsChangedAndArchived(),
                messagePostedEditedAndDeleted(),
                messagePinnedReactedToAndDeleted(),
                studySessionsScheduled());
    }

    public static Scenario created() {
        UUID group = UUID.randomUUID();
        return new Scenario("a group created", List.of(createOpen(group)));
    }

    /** OWNER, ADMIN (promoted from member) and MEMBER. */
    public static Scenario roster() {
        return new Scenario("members joined, one promoted to admin", rosterOf(UUID.randomUUID()));
    }

    public static Scenario memberLeft() {
        UUID group = UUID.randomUUID();
        return new Scenario("a member left", withRoster(group, leave(group, MEMBER)));
    }

    public static Scenario membersRemovedAndBanned() {
        UUID group = UUID.randomUUID();
        return new Scenario(
                "a member removed, another banned, an outsider banned and unbanned",
                withRoster(
                        group,
                        remove(group, MEMBER, ADMIN),
                        ban(group, ADMIN, OWNER, true),
                        ban(group, NEWCOMER, OWNER, false),
                        unban(group, NEWCOMER, OWNER)));
    }

    public static Scenario joinRequestsDecided() {
        UUID group = UUID.randomUUID();
        return new Scenario(
                "a join request approved, another rejected",
                List.of(
                        create(group, OWNER, NAME, DESCRIPTION, GroupVisibility.PUBLIC, JoinPolicy.APPROVAL, CAPACITY),
                        requestToJoin(group, MEMBER),
                        requestToJoin(group, NEWCOMER),
                        approve(group, MEMBER, OWNER),
                        reject(group, NEWCOMER, OWNER)));
    }

    public static Scenario invitationsAnswered() {
        UUID group = UUID.randomUUID();
        return new Scenario(
                "an invitation accepted, another declined",
                List.of(
                        create(
                                group,
                                OWNER,
                                NAME,
                                DESCRIPTION,
                                GroupVisibility.PRIVATE,
                                JoinPolicy.INVITE_ONLY,
                                CAPACITY),
                        invite(group, MEMBER, OWNER),
                        invite(group, NEWCOMER, OWNER),
                        acceptInvitation(group, MEMBER),
                        declineInvitation(group, NEWCOMER)));
    }

    public static Scenario ownershipTransferred() {
        UUID group = UUID.randomUUID();
        return new Scenario(
                "ownership handed over, then the former owner left",
                withRoster(group, transferOwnership(group, OWNER, ADMIN), leave(group, OWNER)));
    }

    public static Scenario detailsChangedAndArchived() {
        UUID group = UUID.randomUUID();
        return new Scenario(
                "the details changed, then the group archived",
                withRoster(
                        group,
                        changeDetails(
                                group,
                                "Linear Algebra II",
                                "Exam preparation",
                                GroupVisibility.PRIVATE,
                                JoinPolicy.APPROVAL,
                                20,
                                ADMIN),
                        archive(group, OWNER)));
    }

    public static Scenario messagePostedEditedAndDeleted() {
        UUID group = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        return new Scenario(
                "messages posted (a reply mentioning and attaching), one edited, deleted by author, admin and platform moderator",
                withRoster(
                        group,
                        post(group, first, MEMBER, "Who has problem 3?"),
                        edit(group, first, MEMBER, "Who has solved problem 3?"),
                        post(group, second, MEMBER, "Answers: 42"),
                        post(
                                group,
                                third,
                                ADMIN,
                                "Spoilers, please",
                                second,
                                List.of(MEMBER, OWNER),
                                List.of(UUID.randomUUID())),
                        delete(group, first, MEMBER, false),
                        delete(group, second, ADMIN, false),
                        delete(group, third, MODERATOR, true)));
    }

    public static Scenario messagePinnedReactedToAndDeleted() {
        UUID group = UUID.randomUUID();
        UUID message = UUID.randomUUID();
        return new Scenario(
                "a message reacted to, pinned, unpinned, pinned again and deleted",
                withRoster(
                        group,
                        post(group, message, MEMBER, "Slides for Friday"),
                        react(group, message, ADMIN, "👍"),
                        react(group, message, OWNER, "👍"),
                        unreact(group, message, OWNER, "👍"),
                        pin(group, message, ADMIN),
                        unpin(group, message, OWNER),
                        pin(group, message, OWNER),
                        deletePinned(group, message, MEMBER)));
    }

    public static Scenario studySessionsScheduled() {
        UUID group = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        Instant nextWeek = Instant.now().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.SECONDS);
        return new Scenario(
                "study sessions scheduled, one rescheduled, another cancelled",
                withRoster(
                        group,
                        scheduleSession(group, first, MEMBER, "Eigenvalues", nextWeek, 90),
                        scheduleSession(group, second, OWNER, "Exam", nextWeek.plus(Duration.ofDays(1)), 120),
                        rescheduleSession(
                                group, first, MEMBER, "Eigenvalues, part 2", nextWeek.plus(Duration.ofHours(2)), 60),
                        cancelSession(group, second, ADMIN)));
    }

    private static Decision createOpen(UUID group) {
        return create(group, OWNER, NAME, DESCRIPTION, GroupVisibility.PUBLIC, JoinPolicy.OPEN, CAPACITY);
    }

    private static List<Decision> rosterOf(UUID group) {
        return List.of(
                createOpen(group),
                join(group, ADMIN),
                changeRole(group, ADMIN, GroupRole.MEMBER, GroupRole.ADMIN, OWNER),
                join(group, MEMBER));
    }

    private static List<Decision> withRoster(UUID group, Decision... then) {
        List<Decision> decisions = new ArrayList<>(rosterOf(group));
        decisions.addAll(List.of(then));
        return decisions;
    }
}
