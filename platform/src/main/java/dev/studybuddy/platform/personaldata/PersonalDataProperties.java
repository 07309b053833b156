package dev.studybuddy.platform.personaldata;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The personal data keys (docs/adr/0019-erasure-by-crypto-shredding.md).
 *
 * @param kek         the key-encryption key, 32 random bytes in Base64 ({@code STUDYBUDDY_PD_KEK}): every data key is
 *                    stored wrapped with it; without it no service starts
 * @param createsKeys whether this service creates a subject's data key when it first writes a personal field of
 *                    theirs (command-side only, and services under test, which append events themselves)
 * @param collection  the MongoDB collection of the data keys, in the event store's database
 * @param cacheTtl    how long a node keeps a key it has read (an erasure evicts it at once everywhere through the
 *                    announcement on Redis; this bounds what a lost announcement costs)
 * @param cacheSize   the most keys a node keeps
 */
@ConfigurationProperties("studybuddy.personal-data")
public record PersonalDataProperties(
        String kek,
        @DefaultValue("false") boolean createsKeys,
        @DefaultValue("personal_data_keys") String collection,
        @DefaultValue("5m") Duration cacheTtl,
        @DefaultValue("100000") long cacheSize) {}
