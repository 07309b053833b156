package dev.studybuddy.system.growth;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * Run by {@code bench/growth}, not a test: appends a realistic history of N events ({@link History}) to the
 * event store through the services' own storage engine ({@link ServiceEventStore}), in batches, before the
 * services start. Usage: {@code HistorySeeder <mongodb-uri> <database> <events>}.
 */
public final class HistorySeeder {

    private static final int BATCH = 1_000;

    private HistorySeeder() {}

    public static void main(String[] args) {
        String uri = args[0];
        String database = args[1];
        long events = Long.parseLong(args[2]);
        long start = System.nanoTime();
        UUID busiestGroup;
        try (ServiceEventStore store = new ServiceEventStore(uri, database)) {
            Batches batches = new Batches(store.engine());
            busiestGroup = History.write(events, batches::add);
            batches.flush();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "seed.events=%d%nseed.seconds=%.1f%nseed.eventsPerSecond=%.0f%nseed.busiestGroup=%s%n",
                events, seconds, events / seconds, busiestGroup);
    }

    /** Appends in batches of {@link #BATCH}, reporting progress every 100,000 events. */
    private static final class Batches {
        private final EventStorageEngine engine;
        private final List<DomainEventMessage<?>> pending = new ArrayList<>(BATCH);
        private long appended;

        Batches(EventStorageEngine engine) {
            this.engine = engine;
        }

        void add(DomainEventMessage<?> event) {
            pending.add(event);
            if (pending.size() == BATCH) {
                flush();
            }
        }

        void flush() {
            if (pending.isEmpty()) {
                return;
            }
            engine.appendEvents(pending);
            appended += pending.size();
            pending.clear();
            if (appended % 100_000 == 0) {
                System.err.printf("seeded %,d events%n", appended);
            }
        }
    }
}
