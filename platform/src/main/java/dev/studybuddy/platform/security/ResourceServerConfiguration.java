package dev.studybuddy.platform.security;

import static org.springframework.security.authorization.AuthorityAuthorizationManager.hasAnyRole;
import static org.springframework.security.authorization.AuthorityAuthorizationManager.hasRole;
import static org.springframework.security.authorization.AuthorizationManagers.allOf;

import dev.studybuddy.api.error.ErrorCode;
import dev.studybuddy.platform.web.ProblemWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Every service is an OAuth2 resource server for the access tokens command-side issues: RS256 only,
 * issuer, audience and expiry checked, platform roles from the {@code roles} claim. A service adds its
 * own public paths ({@link PublicEndpoints}), the paths an export grant may read ({@link ExportGrantEndpoints}, none
 * by default) and token checks (extra {@link OAuth2TokenValidator} beans,
 * such as "this account is still active").
 */
@AutoConfiguration
@EnableMethodSecurity
@EnableConfigurationProperties(JwtProperties.class)
public class ResourceServerConfiguration {

    public static final String ROLES_CLAIM = "roles";

    /**
     * The administrators' and auditors' paths are refused to everybody else here, before Spring MVC reads the path's
     * variables and validates the body: the controllers' {@code @PreAuthorize}, which runs only after both, answered a
     * non-administrator's malformed request with 400 instead of 403. Reading is for auditors and administrators,
     * changing for administrators; the controllers keep their own checks.
     */
    private static final String ADMINISTRATION = "/api/admin/**";

    private static final String AUDIT = "/api/audit/**";
    private static final String ADMIN = "ADMIN";
    private static final String AUDITOR = "AUDITOR";

    @Bean
    @ConditionalOnMissingBean
    public JwtDecoder jwtDecoder(JwtProperties properties, ObjectProvider<OAuth2TokenValidator<Jwt>> extraValidators) {
        return VerifiedTokens.of(
                JwkSetDecoders.rateLimited(properties.jwkSetUri()),
                accessTokenValidator(properties, extraValidators.orderedStream().toList()));
    }

    /** The checks every access token must pass, whichever way the decoder gets its keys. */
    public static OAuth2TokenValidator<Jwt> accessTokenValidator(
            JwtProperties properties, List<OAuth2TokenValidator<Jwt>> extra) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull));
        validators.add(new JwtTimestampValidator(properties.clockSkew()));
        validators.add(new JwtIssuerValidator(properties.issuer()));
        validators.add(new JwtClaimValidator<Collection<String>>(
                JwtClaimNames.AUD, aud -> aud != null && aud.contains(properties.audience())));
        validators.addAll(extra);
        return new DelegatingOAuth2TokenValidator<>(validators);
    }

    /**
     * {@code requestMatchers(String...)} match paths with Spring's {@code PathPattern}s instead of asking Spring MVC's
     * {@code HandlerMappingIntrospector} for each pattern on every request, which a profile of the growth benchmark
     * found in a sixth of command-side's request time. Every pattern here is a plain path or ends in {@code /**}.
     */
    @Bean
    static PathPatternRequestMatcherBuilderFactoryBean requestMatcherBuilder() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    /**
     * No observations of Spring Security's filters, authentications and authorizations: nothing reads them
     * ({@code http.server.requests}, Spring MVC's own observation, stays). Switching them off by property left
     * {@code ObservationFilterChainDecorator} wrapping every filter of every request in no-op observations, a layer a
     * profile of the growth benchmark still found in command-side's request frames; with these settings Spring
     * Security does not decorate the chain at all.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** Spring Security's firewall with its header checks made cheap ({@link HeaderTextChecks}). */
    @Bean
    static WebSecurityCustomizer headerChecksWithoutRegularExpressions() {
        StrictHttpFirewall firewall = HeaderTextChecks.firewall();
        return web -> web.httpFirewall(firewall);
    }

    /**
     * A request the firewall refuses (a path that is not normalized, holds {@code //}, {@code ;} or an encoded
     * {@code %} or {@code .}, a header with a control character) is a problem like every other; without this Spring
     * Security sends a bare 400 that Spring Boot's error page answers with its own JSON.
     */
    @Bean
    static WebSecurityCustomizer rejectedRequestsAsProblems(ObjectProvider<ProblemWriter> problemWriter) {
        return web -> web.requestRejectedHandler((request, response, rejected) -> problemWriter
                .getObject()
                .write(response, ErrorCode.MALFORMED_REQUEST, "The request's path or headers are not allowed."));
    }

    @Bean
    public JwtAuthenticationConverter jwtAuthenticationConverter() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(ROLES_CLAIM);
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        return converter;
    }

    @Bean
    @ConditionalOnMissingBean
    public SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            ObjectProvider<PublicEndpoints> publicEndpoints,
            ObjectProvider<ExportGrantEndpoints> exportGrantEndpoints,
            JwtAuthenticationConverter jwtAuthenticationConverter,
            ProblemWriter problemWriter)
            throws Exception {
        List<String> open = new ArrayList<>(List.of(
                "/actuator/health/**",
                "/actuator/info",
                "/actuator/prometheus",
                "/v3/api-docs/**",
                "/swagger-ui/**",
                "/swagger-ui.html",
                "/error"));
        publicEndpoints.orderedStream().forEach(endpoints -> open.addAll(endpoints.patterns()));
        Set<String> grantReadable = new HashSet<>();
        exportGrantEndpoints.orderedStream().forEach(endpoints -> grantReadable.addAll(endpoints.paths()));
        ProblemAuthenticationHandlers handlers = new ProblemAuthenticationHandlers(problemWriter);
        AuthorizationManager<RequestAuthorizationContext> grants = new ExportGrantAuthorization(grantReadable);
        return http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests.requestMatchers(open.toArray(String[]::new))
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, ADMINISTRATION)
                        .access(allOf(grants, hasAnyRole(AUDITOR, ADMIN)))
                        .requestMatchers(ADMINISTRATION)
                        .access(allOf(grants, hasRole(ADMIN)))
                        .requestMatchers(AUDIT)
                        .access(allOf(grants, hasAnyRole(AUDITOR, ADMIN)))
                        .anyRequest()
                        .access(grants))
                .oauth2ResourceServer(
                        server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(jwtAuthenticationConverter))
                                .authenticationEntryPoint(handlers)
                                .accessDeniedHandler(handlers))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(handlers).accessDeniedHandler(handlers))
                .build();
    }
}
