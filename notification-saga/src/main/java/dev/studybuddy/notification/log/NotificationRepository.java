package dev.studybuddy.notification.log;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface NotificationRepository
        extends JpaRepository<Notification, UUID>, JpaSpecificationExecutor<Notification> {

    boolean existsByIdAndRecipientAndChannel(UUID id, UUID recipient, Channel channel);

    /**
     * Sets the read time if there is none, and nothing else: loading the row and writing it back whole put back what
     * the delivery worker, the relay or an erasure changed meanwhile (a status, a blanked payload).
     */
    @Modifying
    @Query("""
            update Notification n set n.readAt = :now, n.updatedAt = :now
            where n.id = :id and n.recipient = :recipient and n.channel = :channel and n.readAt is null""")
    int markRead(
            @Param("id") UUID id,
            @Param("recipient") UUID recipient,
            @Param("channel") Channel channel,
            @Param("now") Instant now);

    @Modifying
    @Query("""
            update Notification n set n.readAt = :now, n.updatedAt = :now
            where n.recipient = :recipient and n.channel = :channel and n.readAt is null""")
    int markAllRead(@Param("recipient") UUID recipient, @Param("channel") Channel channel, @Param("now") Instant now);
}
