package dev.studybuddy.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studybuddy.platform.audit.StoredEvent;
import dev.studybuddy.platform.audit.StoredEvents;
import dev.studybuddy.platform.audit.StoredEvents.EventFilter;
import dev.studybuddy.platform.web.CursorPage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The auditors' pages of the global stream, on the store: every event once, in store order (time, sequence, event
 * id) across events that share a millisecond, and each page reads about its own events from the store however far
 * into the stream its cursor is, not every event before it.
 */
class GlobalStreamPagesTest {

    private static final int AGGREGATES = 10;
    private static final int MILLISECONDS = 300;
    private static final int PAGE = 100;
    private static final Instant START = Instant.parse("2026-12-06T10:00:00Z");

    record Renamed(String name) {}

    private StandInStore standIn;
    private StoredEvents storedEvents;
    private EventStorageEngine engine;

    @BeforeEach
    void startStore() {
        standIn = new StandInStore("audit", 100);
        storedEvents = standIn.store().storedEvents();
        engine = standIn.store().engine();
    }

    @AfterEach
    void stopStore() {
        standIn.close();
    }

    @Test
    void pagesHoldEveryEventOnceInStoreOrderAndEachReadsAboutItsOwnEvents() {
        for (int millisecond = 0; millisecond < MILLISECONDS; millisecond++) {
            for (int aggregate = 0; aggregate < AGGREGATES; aggregate++) {
                engine.appendEvents(renamed(aggregate, millisecond));
            }
        }
        EventFilter everything = new EventFilter(null, null, null, null);

        List<StoredEvent> paged = new ArrayList<>();
        List<Long> examinedPerPage = new ArrayList<>();
        String cursor = null;
        do {
            String after = cursor;
            long before = documentsExamined();
            CursorPage<StoredEvent> page = storedEvents.page(everything, after, PAGE);
            examinedPerPage.add(documentsExamined() - before);
            paged.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);

        assertThat(paged).hasSize(AGGREGATES * MILLISECONDS);
        assertThat(paged.stream().map(StoredEvent::eventId).distinct()).hasSize(paged.size());
        assertThat(paged)
                .isSortedAccordingTo(Comparator.comparing(StoredEvent::timestamp)
                        .thenComparingLong(StoredEvent::sequence)
                        .thenComparing(StoredEvent::eventId));
        // a page reads its own events, the one after them, and the events of its cursor's millisecond before it
        assertThat(examinedPerPage)
                .allSatisfy(examined -> assertThat(examined).isLessThanOrEqualTo(PAGE + 1 + AGGREGATES));
    }

    /** Ten aggregates' events share each millisecond, and the aggregates' sequence numbers run together. */
    private static GenericDomainEventMessage<Renamed> renamed(int aggregate, int millisecond) {
        return new GenericDomainEventMessage<>(
                "Group",
                "group-" + aggregate,
                millisecond,
                new Renamed("name " + millisecond),
                Map.of(),
                UUID.randomUUID().toString(),
                START.plusMillis(millisecond));
    }

    private long documentsExamined() {
        return standIn.queryExecutor("scannedObjects");
    }
}
