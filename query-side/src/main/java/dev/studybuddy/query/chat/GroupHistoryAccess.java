package dev.studybuddy.query.chat;

import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import dev.studybuddy.query.group.GroupAccess;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Who reads a group's conversation (its history, unread count and readers): its members. An outsider of a PUBLIC
 * group is refused with 403 {@code NOT_A_MEMBER}, anyone else with 404 as for an unknown group; while the group's
 * roster is stalled, everyone it would let in with 503 {@code ROSTER_BEHIND} (docs/adr/0013).
 */
@Component
class GroupHistoryAccess {

    private final GroupAccess groups;

    GroupHistoryAccess(GroupAccess groups) {
        this.groups = groups;
    }

    void requireMember(UUID groupId, UUID userId) {
        switch (groups.of(groupId, userId)) {
            case MEMBER -> {}
            case OUTSIDER ->
                throw new DomainException(ErrorCode.NOT_A_MEMBER, "Only members read the group's messages.");
            case HIDDEN -> throw new DomainException(ErrorCode.NOT_FOUND, "No such group.");
            case ROSTER_BEHIND -> throw GroupAccess.rosterBehind();
        }
    }
}
