package dev.studybuddy.query.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * A token store outside the batch's transaction (chat's, in MongoDB) whose batch token is stored once the batch's
 * PostgreSQL transaction has committed. Axon stores a batch's token first thing at prepare-commit, before the batch's
 * positions, its erasure check and its dead letters are written and committed there: a failure of any of those after
 * the token was stored skipped the batch for good (its positions never reached, a parked event lost, an erased author's
 * text kept). Stored after the commit, a token can only lag: a batch whose token was not stored is handled again, and
 * the projection's positions make that a no-op.
 * <p>
 * The claim is still checked before a batch commits once {@code extendAfter} has passed since the store last took
 * this node's write (a token stored or a claim extended), as the coordinator would extend it: Axon ignores what fails
 * after a commit, and a work package that stores a token also puts off the coordinator's next extension, so a node
 * that had lost the segment (stalled past the claim timeout, say) went on handling it while batches kept coming. No
 * other node can have taken a claim the store confirmed less than the claim timeout ago, and {@code extendAfter} is at
 * most half of it, so checking less often than every batch loses nothing and spares a write per batch.
 */
final class TokenStoredAfterCommit implements TokenStore {

    private final TokenStore store;
    private final Duration extendAfter;
    private final Clock clock;
    private final Map<String, Instant> confirmedAt = new ConcurrentHashMap<>();

    TokenStoredAfterCommit(TokenStore store, Duration extendAfter, Clock clock) {
        this.store = store;
        this.extendAfter = extendAfter;
        this.clock = clock;
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) {
        if (!CurrentUnitOfWork.isStarted()) {
            confirming(processorName, segment, () -> store.storeToken(token, processorName, segment));
            return;
        }
        Instant lastConfirmed = confirmedAt.getOrDefault(claim(processorName, segment), Instant.MIN);
        if (!clock.instant().isBefore(lastConfirmed.plus(extendAfter))) {
            confirming(processorName, segment, () -> store.extendClaim(processorName, segment));
        }
        CurrentUnitOfWork.get()
                .root()
                .afterCommit(committed ->
                        confirming(processorName, segment, () -> store.storeToken(token, processorName, segment)));
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount) {
        store.initializeTokenSegments(processorName, segmentCount);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken) {
        store.initializeTokenSegments(processorName, segmentCount, initialToken);
    }

    /** Fetching claims the token for this node. */
    @Override
    public TrackingToken fetchToken(String processorName, int segment) {
        return confirmed(processorName, segment, () -> store.fetchToken(processorName, segment));
    }

    @Override
    public TrackingToken fetchToken(String processorName, Segment segment) {
        return confirmed(processorName, segment.getSegmentId(), () -> store.fetchToken(processorName, segment));
    }

    @Override
    public void extendClaim(String processorName, int segment) {
        confirming(processorName, segment, () -> store.extendClaim(processorName, segment));
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        confirmedAt.remove(claim(processorName, segment));
        store.releaseClaim(processorName, segment);
    }

    @Override
    public void initializeSegment(TrackingToken token, String processorName, int segment) {
        store.initializeSegment(token, processorName, segment);
    }

    @Override
    public void deleteToken(String processorName, int segment) {
        store.deleteToken(processorName, segment);
    }

    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return store.requiresExplicitSegmentInitialization();
    }

    @Override
    public int[] fetchSegments(String processorName) {
        return store.fetchSegments(processorName);
    }

    @Override
    public List<Segment> fetchAvailableSegments(String processorName) {
        return store.fetchAvailableSegments(processorName);
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() {
        return store.retrieveStorageIdentifier();
    }

    /** Runs a call that succeeds only while this node holds the claim, and notes when it was made. */
    private void confirming(String processorName, int segment, Runnable call) {
        confirmed(processorName, segment, () -> {
            call.run();
            return null;
        });
    }

    /** As {@link #confirming}, for a call that answers. */
    private <T> T confirmed(String processorName, int segment, Supplier<T> call) {
        Instant asked = clock.instant();
        T answer = call.get();
        confirmedAt.put(claim(processorName, segment), asked);
        return answer;
    }

    private static String claim(String processorName, int segment) {
        return processorName + "/" + segment;
    }
}
