package dev.studybuddy.query.user;

import dev.studybuddy.api.user.AvatarChangedEvent;
import dev.studybuddy.api.user.FindUserQuery;
import dev.studybuddy.api.user.PlatformRolesChangedEvent;
import dev.studybuddy.api.user.ProfileChangedEvent;
import dev.studybuddy.api.user.UserDeactivatedEvent;
import dev.studybuddy.api.user.UserProfile;
import dev.studybuddy.api.user.UserRegisteredEvent;
import dev.studybuddy.query.consistency.ApplyOnce;
import dev.studybuddy.query.consistency.ProjectionPositions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The users read model, built from the UserAccount events. Each event is applied once: {@link ApplyOnce}
 * (registered in {@link UsersProcessorConfiguration}) skips redeliveries and records the position that
 * read-your-writes queries wait for. Times come from the events, so a replay rebuilds identical rows.
 */
@Component
@ProcessingGroup(UsersProjection.PROCESSING_GROUP)
class UsersProjection {

    static final String PROCESSING_GROUP = "users";

    private final UserViewRepository users;
    private final ProjectionPositions positions;

    UsersProjection(UserViewRepository users, ProjectionPositions positions) {
        this.users = users;
        this.positions = positions;
    }

    @EventHandler
    void on(UserRegisteredEvent event, @Timestamp Instant at) {
        users.save(UserView.registered(event.userId(), event.username(), event.displayName(), event.roles(), at));
    }

    @EventHandler
    void on(ProfileChangedEvent event, @Timestamp Instant at) {
        users.findById(event.userId()).ifPresent(user -> user.changeProfile(event.displayName(), event.bio(), at));
    }

    @EventHandler
    void on(AvatarChangedEvent event, @Timestamp Instant at) {
        users.findById(event.userId()).ifPresent(user -> user.changeAvatar(event.fileId(), at));
    }

    @EventHandler
    void on(PlatformRolesChangedEvent event, @Timestamp Instant at) {
        users.findById(event.userId()).ifPresent(user -> user.changeRoles(event.roles(), at));
    }

    @EventHandler
    void on(UserDeactivatedEvent event, @Timestamp Instant at) {
        users.findById(event.userId()).ifPresent(user -> user.deactivate(at));
    }

    @ResetHandler
    void reset() {
        users.deleteAllInBatch();
        positions.forget(PROCESSING_GROUP);
    }

    /** Any account, active or not: who may see what is the caller's decision. */
    @QueryHandler
    Optional<UserProfile> handle(FindUserQuery query) {
        return users.findById(query.userId()).map(UserView::toProfile);
    }

    @QueryHandler
    List<UserProfile> handle(SearchUsersQuery query) {
        return users.searchActive(query.viewerId(), query.likePattern(), query.afterUsername(), query.limit()).stream()
                .map(UserView::toProfile)
                .toList();
    }
}
