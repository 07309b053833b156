package dev.studybuddy.query.user;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class UserProfilesTest {

    private static final UUID VIEWER = UUID.randomUUID();

    @Test
    void theSearchLimitMustBePositive() {
        assertThatThrownBy(() -> new UserProfiles(null).search(VIEWER, "a", "", 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
