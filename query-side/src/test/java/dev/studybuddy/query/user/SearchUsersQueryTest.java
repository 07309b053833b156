package dev.studybuddy.query.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class SearchUsersQueryTest {

    private static final UUID VIEWER = UUID.randomUUID();

    @Test
    void thePrefixBecomesALikePatternThatMatchesItsWildcardsLiterally() {
        assertThat(new SearchUsersQuery(VIEWER, "ada", "", 1).likePattern()).isEqualTo("ada%");
        assertThat(new SearchUsersQuery(VIEWER, "a_b", "", 1).likePattern()).isEqualTo("a!_b%");
        assertThat(new SearchUsersQuery(VIEWER, "100%!", "", 1).likePattern()).isEqualTo("100!%!!%");
    }

    @Test
    void noPrefixMatchesEveryoneAndSurroundingBlanksAreIgnored() {
        assertThat(new SearchUsersQuery(VIEWER, null, null, 1).likePattern()).isEqualTo("%");
        assertThat(new SearchUsersQuery(VIEWER, "  ada ", null, 1).likePattern())
                .isEqualTo("ada%");
    }

    @Test
    void theLimitMustBePositive() {
        assertThatThrownBy(() -> new SearchUsersQuery(VIEWER, "a", "", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
