package dev.studybuddy.platform.personaldata;

import java.util.Optional;
import java.util.UUID;
import javax.crypto.SecretKey;

/** Where the personal data module gets a subject's data key. */
public interface DataKeys {

    /** The subject's key; empty once they are erased (or if they never had one). */
    Optional<SecretKey> find(UUID subject);

    /**
     * The key to seal a field of the subject's with: theirs, or a new one if this service creates keys and the
     * subject has none and was never erased; empty otherwise (the field is then not stored at all).
     */
    Optional<SecretKey> forSealing(UUID subject);
}
