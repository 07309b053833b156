package dev.studybuddy.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrefixPatternTest {

    @Test
    void thePrefixBecomesALikePatternThatMatchesItsWildcardsLiterally() {
        assertThat(PrefixPattern.of("ada")).isEqualTo("ada%");
        assertThat(PrefixPattern.of("a_b")).isEqualTo("a!_b%");
        assertThat(PrefixPattern.of("100%!")).isEqualTo("100!%!!%");
    }

    @Test
    void noPrefixMatchesEveryoneAndSurroundingBlanksAreIgnored() {
        assertThat(PrefixPattern.of(null)).isEqualTo("%");
        assertThat(PrefixPattern.of("  ada ")).isEqualTo("ada%");
    }
}
