package dev.studybuddy.command.file;

import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.file.DeleteFileCommand;
import dev.studybuddy.api.file.FileDeletedEvent;
import dev.studybuddy.api.file.FilePurpose;
import dev.studybuddy.api.file.FileRegisteredEvent;
import dev.studybuddy.api.file.RegisterFileCommand;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StoredFileTest {

    static final String HASH = "ab".repeat(32);
    final UUID fileId = UUID.randomUUID();
    final UUID owner = UUID.randomUUID();
    AggregateTestFixture<StoredFile> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(StoredFile.class);
    }

    private FileRegisteredEvent registered() {
        return new FileRegisteredEvent(fileId, owner, HASH, 42, "text/plain", "notes.txt", FilePurpose.ATTACHMENT);
    }

    @Test
    void anUploadIsRegisteredWithItsFacts() {
        fixture.givenNoPriorActivity()
                .when(new RegisterFileCommand(
                        fileId, owner, HASH, 42, "text/plain", "notes.txt", FilePurpose.ATTACHMENT))
                .expectEvents(registered());
    }

    @Test
    void theOwnerDeletesTheirFile() {
        fixture.given(registered())
                .when(new DeleteFileCommand(fileId, owner))
                .expectEvents(new FileDeletedEvent(fileId, owner, HASH, 42));
    }

    @Test
    void nobodyElseCanDeleteItAndToThemItIsNotThere() {
        fixture.given(registered())
                .when(new DeleteFileCommand(fileId, UUID.randomUUID()))
                .expectException(DomainException.class)
                .expectNoEvents();
    }

    @Test
    void aDeletedFileCannotBeDeletedAgain() {
        fixture.given(registered(), new FileDeletedEvent(fileId, owner, HASH, 42))
                .when(new DeleteFileCommand(fileId, owner))
                .expectException(DomainException.class);
    }
}
