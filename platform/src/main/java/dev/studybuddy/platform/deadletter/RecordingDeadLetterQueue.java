package dev.studybuddy.platform.deadletter;

import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * A queue that tells {@link ParkedInUnitOfWork} what it parks, and that answers "is this sequence parked?"
 * without a query while the processing group has no letter at all: Axon's dead-lettering invoker asks that about
 * every event, and the queue is nearly always empty. Whether it is empty is read once per unit of work (a batch of
 * up to 100 events) and forgotten as soon as the unit of work parks something. Only the processor that owns a
 * segment parks its aggregates' events, so no other node can add a letter that matters to the batch meanwhile.
 * Everything else is the wrapped queue's.
 */
final class RecordingDeadLetterQueue<M extends Message<?>> implements SequencedDeadLetterQueue<M> {

    private final SequencedDeadLetterQueue<M> delegate;
    private final String emptyResource;

    RecordingDeadLetterQueue(String processingGroup, SequencedDeadLetterQueue<M> delegate) {
        this.delegate = delegate;
        this.emptyResource = RecordingDeadLetterQueue.class.getName() + ":empty:" + processingGroup;
    }

    @Override
    public void enqueue(Object sequenceIdentifier, DeadLetter<? extends M> letter) {
        delegate.enqueue(sequenceIdentifier, letter);
        ParkedInUnitOfWork.record(sequenceIdentifier);
    }

    @Override
    public boolean enqueueIfPresent(Object sequenceIdentifier, Supplier<DeadLetter<? extends M>> letterBuilder) {
        if (emptyThroughoutThisUnitOfWork()) {
            return false;
        }
        boolean parked = delegate.enqueueIfPresent(sequenceIdentifier, letterBuilder);
        if (parked) {
            ParkedInUnitOfWork.record(sequenceIdentifier);
        }
        return parked;
    }

    private boolean emptyThroughoutThisUnitOfWork() {
        if (!CurrentUnitOfWork.isStarted()) {
            return false;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        Boolean emptyAtStart = root.getResource(emptyResource);
        if (emptyAtStart == null) {
            // not inside computeIfAbsent: the query itself adds the unit of work's connection to its resources
            emptyAtStart = delegate.amountOfSequences() == 0;
            root.resources().put(emptyResource, emptyAtStart);
        }
        return emptyAtStart && !ParkedInUnitOfWork.anyIn(root);
    }

    @Override
    public void evict(DeadLetter<? extends M> letter) {
        delegate.evict(letter);
    }

    @Override
    public void requeue(DeadLetter<? extends M> letter, UnaryOperator<DeadLetter<? extends M>> letterUpdater) {
        delegate.requeue(letter, letterUpdater);
    }

    @Override
    public boolean contains(Object sequenceIdentifier) {
        return delegate.contains(sequenceIdentifier);
    }

    @Override
    public Iterable<DeadLetter<? extends M>> deadLetterSequence(Object sequenceIdentifier) {
        return delegate.deadLetterSequence(sequenceIdentifier);
    }

    @Override
    public Iterable<Iterable<DeadLetter<? extends M>>> deadLetters() {
        return delegate.deadLetters();
    }

    @Override
    public boolean isFull(Object sequenceIdentifier) {
        return delegate.isFull(sequenceIdentifier);
    }

    @Override
    public long size() {
        return delegate.size();
    }

    @Override
    public long sequenceSize(Object sequenceIdentifier) {
        return delegate.sequenceSize(sequenceIdentifier);
    }

    @Override
    public long amountOfSequences() {
        return delegate.amountOfSequences();
    }

    @Override
    public boolean process(
            Predicate<DeadLetter<? extends M>> sequenceFilter,
            Function<DeadLetter<? extends M>, EnqueueDecision<M>> processingTask) {
        return delegate.process(sequenceFilter, processingTask);
    }

    @Override
    public boolean process(Function<DeadLetter<? extends M>, EnqueueDecision<M>> processingTask) {
        return delegate.process(processingTask);
    }

    @Override
    public void clear() {
        delegate.clear();
    }
}
