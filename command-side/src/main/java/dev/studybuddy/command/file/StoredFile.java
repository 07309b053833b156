package dev.studybuddy.command.file;

import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import dev.studybuddy.api.file.DeleteFileCommand;
import dev.studybuddy.api.file.FileDeletedEvent;
import dev.studybuddy.api.file.FileRegisteredEvent;
import dev.studybuddy.api.file.RegisterFileCommand;
import dev.studybuddy.command.config.AggregateLocks;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An uploaded file's registration and deletion. The bytes are in the blob store (stored before the
 * registration, under their hash); the facts are here, so the history shows every upload.
 */
@Aggregate(lockFactory = AggregateLocks.LOCK_FACTORY)
public class StoredFile {

    @AggregateIdentifier
    private UUID fileId;

    private UUID ownerId;
    private String contentHash;
    private long size;
    private boolean deleted;

    protected StoredFile() {}

    @CommandHandler
    public StoredFile(RegisterFileCommand command) {
        apply(new FileRegisteredEvent(
                command.fileId(),
                command.ownerId(),
                command.contentHash(),
                command.size(),
                command.contentType(),
                command.fileName(),
                command.purpose()));
    }

    /** Someone else's file, or one already deleted, is not there for the requester: 404 alike. */
    @CommandHandler
    public void handle(DeleteFileCommand command) {
        if (deleted || !ownerId.equals(command.requesterId())) {
            throw new DomainException(ErrorCode.NOT_FOUND, "No such file.");
        }
        apply(new FileDeletedEvent(fileId, ownerId, contentHash, size));
    }

    @EventSourcingHandler
    void on(FileRegisteredEvent event) {
        fileId = event.fileId();
        ownerId = event.ownerId();
        contentHash = event.contentHash();
        size = event.size();
    }

    @EventSourcingHandler
    void on(FileDeletedEvent event) {
        deleted = true;
    }

    private static void apply(Object event) {
        org.axonframework.modelling.command.AggregateLifecycle.apply(event);
    }
}
