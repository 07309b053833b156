package dev.studybuddy.platform.messaging;

import dev.studybuddy.api.metadata.MessageMetadata;
import dev.studybuddy.platform.web.TraceIds;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Stamps each command with the signed-in user (the token's subject) and the current trace id, unless
 * the sender already set them (a registration acts on its own behalf before anyone is signed in).
 */
class RequestMetadataInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            Map<String, Object> added = new HashMap<>();
            if (!command.getMetaData().containsKey(MessageMetadata.ACTOR)) {
                String actor = currentActor();
                if (actor != null) {
                    added.put(MessageMetadata.ACTOR, actor);
                }
            }
            if (!command.getMetaData().containsKey(MessageMetadata.TRACE_ID)) {
                added.put(MessageMetadata.TRACE_ID, TraceIds.currentOrNew());
            }
            return added.isEmpty() ? command : command.andMetaData(added);
        };
    }

    private static String currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt) {
            return jwt.getSubject();
        }
        return null;
    }
}
