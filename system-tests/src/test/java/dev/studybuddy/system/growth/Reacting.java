package dev.studybuddy.system.growth;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/** Reactions at a fixed rate beside a phase of messages, by their own senders; none at a rate of 0. */
final class Reacting {

    /** A phase's messages, and the reactions given beside them ({@code null} when none were). */
    record Phase(Senders.Outcome messages, Senders.Outcome reactions) {}

    private final double perSecond;
    private final Senders reactors;
    private final Senders.Send react;

    Reacting(double perSecond, int reactors, Senders.Send react) {
        this.perSecond = perSecond;
        this.reactors = new Senders(reactors);
        this.react = react;
    }

    /** Runs {@code messages} while the reactors react at the rate for {@code duration}, tallied under {@code tag}. */
    Phase during(Callable<Senders.Outcome> messages, Duration duration, String tag) throws Exception {
        if (perSecond <= 0) {
            return new Phase(messages.call(), null);
        }
        CompletableFuture<Senders.Outcome> reacted = new CompletableFuture<>();
        Thread thread = new Thread(
                () -> {
                    try {
                        reacted.complete(reactors.runAt(perSecond, duration, tag, react));
                    } catch (Throwable e) {
                        reacted.completeExceptionally(e);
                    }
                },
                tag);
        thread.start();
        Senders.Outcome sent = messages.call();
        return new Phase(sent, reacted.get());
    }
}
