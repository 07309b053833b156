package dev.studybuddy.command.audit;

import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import dev.studybuddy.platform.audit.StoredEvents;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.config.AggregateConfiguration;
import org.axonframework.config.Configuration;
import org.springframework.stereotype.Component;

/**
 * The aggregate types an auditor may name ({@code UserAccount}, {@code Friendship}, {@code Group},
 * {@code Membership}: every aggregate Axon knows here, by the type name its events are stored under).
 */
@Component
class AuditedAggregates {

    private final Configuration axon;
    private final StoredEvents storedEvents;
    private volatile Map<String, Class<?>> byName;

    AuditedAggregates(Configuration axon, StoredEvents storedEvents) {
        this.axon = axon;
        this.storedEvents = storedEvents;
    }

    /**
     * @return the aggregate class of a stored stream, after checking that the stream exists and was
     * stored under {@code type}; a wrong type is answered like an unknown id (404)
     */
    Class<?> streamOf(String type, String aggregateId) {
        Class<?> aggregateClass = aggregates().get(type);
        if (aggregateClass == null) {
            throw new DomainException(
                    ErrorCode.NOT_FOUND,
                    "No aggregate type " + type + "; known: "
                            + String.join(
                                    ", ",
                                    aggregates().keySet().stream().sorted().toList()) + ".");
        }
        String storedType = storedEvents.aggregateTypeOf(aggregateId).orElse(null);
        if (!Objects.equals(storedType, type)) {
            throw new DomainException(ErrorCode.NOT_FOUND, "No " + type + " with id " + aggregateId + ".");
        }
        return aggregateClass;
    }

    private Map<String, Class<?>> aggregates() {
        if (byName == null) {
            byName = axon.findModules(AggregateConfiguration.class).stream()
                    .<Class<?>>map(AggregateConfiguration::aggregateType)
                    .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));
        }
        return byName;
    }
}
