package dev.studybuddy.api.group;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Bans a user: removes them if a member, and refuses their joining, requests and invitations. */
public record BanFromGroupCommand(@TargetAggregateIdentifier UUID groupId, Actor actor, UUID userId) {

    public BanFromGroupCommand {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(userId, "userId");
    }
}
