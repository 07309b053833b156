package dev.studybuddy.query.chat;

import java.util.List;
import java.util.Optional;
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
 * the projection's positions make that a no-op. The claim is still checked before the commit (extended, which fails
 * when another node has taken the segment), so a node that lost it stops at the batch, as before: Axon ignores what
 * fails after a commit, and its own next claim extension may be far off while batches keep coming.
 */
final class TokenStoredAfterCommit implements TokenStore {

    private final TokenStore store;

    TokenStoredAfterCommit(TokenStore store) {
        this.store = store;
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) {
        if (CurrentUnitOfWork.isStarted()) {
            store.extendClaim(processorName, segment);
            CurrentUnitOfWork.get().root().afterCommit(committed -> store.storeToken(token, processorName, segment));
        } else {
            store.storeToken(token, processorName, segment);
        }
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount) {
        store.initializeTokenSegments(processorName, segmentCount);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken) {
        store.initializeTokenSegments(processorName, segmentCount, initialToken);
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) {
        return store.fetchToken(processorName, segment);
    }

    @Override
    public TrackingToken fetchToken(String processorName, Segment segment) {
        return store.fetchToken(processorName, segment);
    }

    @Override
    public void extendClaim(String processorName, int segment) {
        store.extendClaim(processorName, segment);
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
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
}
