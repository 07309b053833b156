package dev.studybuddy.notification.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import org.junit.jupiter.api.Test;

class PagingPropertiesTest {

    private final PagingProperties paging = new PagingProperties(50, 200);

    @Test
    void noLimitMeansTheDefault() {
        assertThat(paging.limit(null)).isEqualTo(50);
    }

    @Test
    void aLimitWithinBoundsIsTakenAsAsked() {
        assertThat(paging.limit(1)).isEqualTo(1);
        assertThat(paging.limit(200)).isEqualTo(200);
    }

    @Test
    void aLimitOutOfBoundsIsRefused() {
        for (int limit : new int[] {0, -1, 201}) {
            assertThatThrownBy(() -> paging.limit(limit))
                    .isInstanceOfSatisfying(
                            DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
        }
    }

    @Test
    void aDefaultAboveTheMaximumIsAConfigurationError() {
        assertThatThrownBy(() -> new PagingProperties(300, 200)).isInstanceOf(IllegalArgumentException.class);
    }
}
