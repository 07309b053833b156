package dev.studybuddy.notification.audit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.studybuddy.api.error.DomainException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditFilterTest {

    private static final Instant NOON = Instant.parse("2025-03-01T12:00:00Z");

    @Test
    void aRangeMustEndAfterItStarts() {
        assertThatThrownBy(() -> new AuditFilter(null, null, NOON, NOON)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new AuditFilter(null, null, NOON, NOON.minusSeconds(1)))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void everyPartIsOptional() {
        assertThatCode(() -> new AuditFilter(null, null, null, null).toSpecification())
                .doesNotThrowAnyException();
        assertThatCode(() -> new AuditFilter(null, null, NOON, null)).doesNotThrowAnyException();
    }
}
