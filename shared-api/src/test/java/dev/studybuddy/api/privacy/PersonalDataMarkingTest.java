package dev.studybuddy.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every text an event carries is either personal data, marked with its subject, or on the list below of what is
 * not (ids, hashes, types, emoji, a group's own texts): a new personal field cannot be added unmarked
 * (docs/adr/0019-erasure-by-crypto-shredding.md).
 */
class PersonalDataMarkingTest {

    private static final Set<String> NOT_PERSONAL = Set.of(
            "FileRegisteredEvent.contentHash",
            "FileRegisteredEvent.contentType",
            "FileDeletedEvent.contentHash",
            "DirectReactionAddedEvent.emoji",
            "DirectReactionRemovedEvent.emoji",
            "GroupReactionAddedEvent.emoji",
            "GroupReactionRemovedEvent.emoji",
            // a group's name, description and session titles belong to the group, not to whoever typed them
            "GroupCreatedEvent.name",
            "GroupCreatedEvent.description",
            "GroupDetailsChangedEvent.name",
            "GroupDetailsChangedEvent.description",
            "StudySessionScheduledEvent.title",
            "StudySessionRescheduledEvent.title");

    /** Ids of streams, composed of user ids: no text of anyone's. */
    private static final Set<String> ID_COMPONENTS = Set.of("friendshipId", "membershipId");

    @Test
    void everyTextOfAnEventIsMarkedOrKnownNotToBePersonal() throws Exception {
        List<String> unmarked = new ArrayList<>();
        for (Class<?> event : events()) {
            for (RecordComponent component : event.getRecordComponents()) {
                String name = event.getSimpleName() + "." + component.getName();
                if (component.getType() == String.class
                        && !component.isAnnotationPresent(PersonalData.class)
                        && !ID_COMPONENTS.contains(component.getName())
                        && !NOT_PERSONAL.contains(name)) {
                    unmarked.add(name);
                }
            }
        }
        assertThat(unmarked)
                .as("String components of events neither marked @PersonalData nor listed as not personal")
                .isEmpty();
    }

    @Test
    void everySubjectIsAUserIdOfTheSameEventOrTheActor() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Class<?> event : events()) {
            for (RecordComponent component : event.getRecordComponents()) {
                PersonalData marked = component.getAnnotation(PersonalData.class);
                if (marked == null || PersonalData.ACTOR.equals(marked.subject())) {
                    continue;
                }
                boolean subjectIsUuid = Arrays.stream(event.getRecordComponents())
                        .anyMatch(other -> other.getName().equals(marked.subject()) && other.getType() == UUID.class);
                if (!subjectIsUuid) {
                    wrong.add(event.getSimpleName() + "." + component.getName());
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void theProfileAndMessageTextsAreMarked() throws Exception {
        List<String> marked = new ArrayList<>();
        for (Class<?> event : events()) {
            for (RecordComponent component : event.getRecordComponents()) {
                if (component.isAnnotationPresent(PersonalData.class)) {
                    marked.add(event.getSimpleName() + "." + component.getName());
                }
            }
        }
        assertThat(marked)
                .contains(
                        "UserRegisteredEvent.username",
                        "UserRegisteredEvent.displayName",
                        "ProfileChangedEvent.displayName",
                        "ProfileChangedEvent.bio",
                        "GroupMessagePostedEvent.body",
                        "GroupMessageEditedEvent.body",
                        "DirectMessageSentEvent.body",
                        "DirectMessageEditedEvent.body",
                        "FileRegisteredEvent.fileName");
    }

    /** The event records of shared-api, from its compiled classes. */
    private static List<Class<?>> events() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(PersonalData.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        List<Class<?>> events = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(path -> path.toString().endsWith("Event.class"))
                    .toList()) {
                String name = root.relativize(file)
                        .toString()
                        .replace(file.getFileSystem().getSeparator(), ".");
                Class<?> type = Class.forName(name.substring(0, name.length() - ".class".length()));
                if (type.isRecord()) {
                    events.add(type);
                }
            }
        }
        assertThat(events).hasSizeGreaterThan(50);
        return events;
    }
}
