package dev.studybuddy.platform.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Access tokens checked against command-side's JWKS, fetched over HTTP. A token signed with a key the node does not
 * know makes it fetch the set again (command-side may have a new key), but at most once per
 * {@link #REFETCH_AT_MOST_EVERY}: a stream of tokens with made-up key ids cannot turn every request into a fetch.
 */
final class JwkSetDecoders {

    static final Duration REFETCH_AT_MOST_EVERY = Duration.ofSeconds(10);
    private static final Duration KEYS_KEPT_FOR = Duration.ofMinutes(5);
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(5);

    private JwkSetDecoders() {}

    static NimbusJwtDecoder rateLimited(URI jwkSetUri) {
        JWKSource<SecurityContext> keys;
        try {
            keys = JWKSourceBuilder.<SecurityContext>create(jwkSetUri.toURL())
                    .cache(KEYS_KEPT_FOR.toMillis(), FETCH_TIMEOUT.toMillis())
                    .rateLimited(REFETCH_AT_MOST_EVERY.toMillis())
                    .refreshAheadCache(false)
                    .retrying(false)
                    .build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("studybuddy.jwt.jwk-set-uri is no URL: " + jwkSetUri, e);
        }
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        // the claims are Spring's validators' to check, as with NimbusJwtDecoder.withJwkSetUri
        processor.setJWTClaimsSetVerifier((claims, context) -> {});
        return new NimbusJwtDecoder(processor);
    }
}
