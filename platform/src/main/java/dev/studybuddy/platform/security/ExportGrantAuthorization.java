package dev.studybuddy.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Every authenticated request passes, except one made with an export grant: that reads only what the service lists
 * in its {@link ExportGrantEndpoints}, and only with {@code GET}.
 */
final class ExportGrantAuthorization implements AuthorizationManager<RequestAuthorizationContext> {

    private final AuthenticationTrustResolverImpl trust = new AuthenticationTrustResolverImpl();
    private final Set<String> readable;

    ExportGrantAuthorization(Set<String> readable) {
        this.readable = Set.copyOf(readable);
    }

    @Override
    public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
        Authentication caller = authentication.get();
        if (!trust.isAuthenticated(caller)) {
            return new AuthorizationDecision(false);
        }
        if (caller instanceof JwtAuthenticationToken jwt && ExportGrants.isGrant(jwt.getToken())) {
            HttpServletRequest request = context.getRequest();
            String path =
                    request.getRequestURI().substring(request.getContextPath().length());
            return new AuthorizationDecision("GET".equals(request.getMethod()) && readable.contains(path));
        }
        return new AuthorizationDecision(true);
    }
}
