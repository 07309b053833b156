package dev.studybuddy.notification.log;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface NotificationRepository
        extends JpaRepository<Notification, UUID>, JpaSpecificationExecutor<Notification> {

    Optional<Notification> findByIdAndRecipientAndChannel(UUID id, UUID recipient, Channel channel);

    @Modifying
    @Query("""
            update Notification n set n.readAt = :now, n.updatedAt = :now
            where n.recipient = :recipient and n.channel = :channel and n.readAt is null""")
    int markAllRead(@Param("recipient") UUID recipient, @Param("channel") Channel channel, @Param("now") Instant now);
}
