package dev.studybuddy.api.user;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces a user's platform roles; every account keeps {@link PlatformRole#USER}. */
public record ChangePlatformRolesCommand(
        @TargetAggregateIdentifier UUID userId, Set<PlatformRole> roles) {

    public ChangePlatformRolesCommand {
        Objects.requireNonNull(userId, "userId");
        EnumSet<PlatformRole> all = EnumSet.of(PlatformRole.USER);
        if (roles != null) {
            all.addAll(roles);
        }
        roles = Set.copyOf(all);
    }
}
