package dev.studybuddy.api.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class ContactChangedTest {

    @Test
    void aNullAddressMeansForgetIt() {
        assertThat(new ContactChanged(UUID.randomUUID(), null, false, 3).email())
                .isNull();
    }

    @Test
    void everyChangeNamesItsUser() {
        assertThatThrownBy(() -> new ContactChanged(null, "a@example.test", false, 1))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void versionsStartAtOne() {
        assertThatThrownBy(() -> new ContactChanged(UUID.randomUUID(), "a@example.test", false, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
