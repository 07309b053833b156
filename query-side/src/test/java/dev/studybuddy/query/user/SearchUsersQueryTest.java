package dev.studybuddy.query.user;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearchUsersQueryTest {

    @Test
    void thePrefixBecomesALikePatternThatMatchesItsWildcardsLiterally() {
        assertThat(new SearchUsersQuery("ada", "", 1).likePattern()).isEqualTo("ada%");
        assertThat(new SearchUsersQuery("a_b", "", 1).likePattern()).isEqualTo("a!_b%");
        assertThat(new SearchUsersQuery("100%!", "", 1).likePattern()).isEqualTo("100!%!!%");
    }

    @Test
    void noPrefixMatchesEveryoneAndSurroundingBlanksAreIgnored() {
        assertThat(new SearchUsersQuery(null, null, 1).likePattern()).isEqualTo("%");
        assertThat(new SearchUsersQuery("  ada ", null, 1).likePattern()).isEqualTo("ada%");
    }

    @Test
    void theLimitMustBePositive() {
        assertThatThrownBy(() -> new SearchUsersQuery("a", "", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
