package dev.studybuddy.platform.openapi;

import dev.studybuddy.platform.security.PublicEndpoints;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.util.AntPathMatcher;

/**
 * The OpenAPI 3 description every service serves at {@code /v3/api-docs}: titled after the service,
 * with the access token as a bearer security scheme that applies to every operation except the
 * service's {@link PublicEndpoints} (register, login, the JWKS, …), which need no token.
 * The edge lists the three services' descriptions in one Swagger UI ({@code studybuddy-platform.yml}).
 */
@AutoConfiguration
@ConditionalOnClass({OpenAPI.class, OpenApiCustomizer.class})
public class OpenApiConfiguration {

    /** The name of the security scheme: {@code Authorization: Bearer <access token>} (API.md). */
    public static final String BEARER_SCHEME = "bearerAuth";

    @Bean
    @ConditionalOnMissingBean
    public OpenAPI studyBuddyOpenApi(@Value("${spring.application.name:studybuddy}") String service) {
        return new OpenAPI()
                .info(new Info()
                        .title("StudyBuddy " + service)
                        .version("v1")
                        .description("Part of the StudyBuddy API. Clients use one origin, the edge; errors are "
                                + "application/problem+json with a stable code; lists are cursor-paged."))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER_SCHEME,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description(
                                                "An access token from POST /api/auth/login (or /api/auth/refresh).")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER_SCHEME));
    }

    /** Public operations say so: an empty security list overrides the document-wide bearer requirement. */
    @Bean
    public OpenApiCustomizer publicEndpointsNeedNoToken(ObjectProvider<PublicEndpoints> publicEndpoints) {
        AntPathMatcher matcher = new AntPathMatcher();
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            List<String> patterns = publicEndpoints
                    .orderedStream()
                    .flatMap(endpoints -> endpoints.patterns().stream())
                    .toList();
            openApi.getPaths().forEach((path, item) -> {
                // Templated segments ({userId}) stand for any value, as "*" does in the patterns.
                String concrete = path.replaceAll("\\{[^/}]+}", "x");
                if (patterns.stream().anyMatch(pattern -> matcher.match(pattern, concrete))) {
                    item.readOperations().forEach(operation -> operation.setSecurity(List.of()));
                }
            });
        };
    }
}
