package dev.studybuddy.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    @Test
    void believesExactlyTheListedAddressesAsTomcatSpellsThem() {
        String pattern = new TrustedProxies(List.of("127.0.0.1", " ::1 ")).addressPattern();

        assertThat("127.0.0.1").matches(pattern);
        assertThat("0:0:0:0:0:0:0:1").matches(pattern);
        assertThat("127.0.0.2").doesNotMatch(pattern);
        assertThat("127.0.0.10").doesNotMatch(pattern);
        assertThat("10.0.0.1").doesNotMatch(pattern);
    }

    @Test
    void noAddressBelievesNobody() {
        assertThat(new TrustedProxies(List.of()).addressPattern()).isEmpty();
        assertThat(new TrustedProxies(List.of("")).addressPattern()).isEmpty();
    }

    @Test
    void aHostNameOrARangeIsRefusedAtStart() {
        assertThatThrownBy(() -> new TrustedProxies(List.of("edge"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrustedProxies(List.of("10.0.0.0/8")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
