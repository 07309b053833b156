package dev.studybuddy.api.file;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Deletes a file; only its owner may. */
public record DeleteFileCommand(@TargetAggregateIdentifier UUID fileId, UUID requesterId) {

    public DeleteFileCommand {
        Objects.requireNonNull(fileId, "fileId");
        Objects.requireNonNull(requesterId, "requesterId");
    }
}
