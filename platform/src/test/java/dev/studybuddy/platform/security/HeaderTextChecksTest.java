package dev.studybuddy.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

class HeaderTextChecksTest {

    /** Printable ASCII, a tab, other controls, Latin-1, an emoji (a surrogate pair), a lone surrogate, unassigned. */
    private static final int[] CODE_POINTS = {
        'a', 'Z', '0', ' ', '~', '.', '=', '\t', 0x00, 0x07, 0x0a, 0x0d, 0x1f, 0x7f, 0x85, 0x9f, 0xa0, 0xe9, 0xff,
        0x200b, 0x2028, 0x0378, 0xe000, 0xfffe, 0x1f600, 0xe0080, 0xd800, 0xdc00
    };

    @Test
    void answerAsTheFirewallsOwnRegularExpressions() {
        Random random = new Random(19);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int length = random.nextInt(12); length > 0; length--) {
                // mostly printable ASCII, as real headers are
                int codePoint = random.nextInt(4) > 0
                        ? 0x20 + random.nextInt(0x5f)
                        : CODE_POINTS[random.nextInt(CODE_POINTS.length)];
                text.appendCodePoint(codePoint);
            }
            String header = text.toString();
            assertThat(HeaderTextChecks.allowedName(header))
                    .as("name %s", header.codePoints().boxed().toList())
                    .isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_NAMES.test(header));
            assertThat(HeaderTextChecks.allowedValue(header))
                    .as("value %s", header.codePoints().boxed().toList())
                    .isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(header));
        }
    }

    @Test
    void theFirewallRefusesAControlCharacterInAHeaderAndPassesABearerToken() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/groups/x/messages");
        request.addHeader("Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln");
        request.addHeader("X-Note", "bell\u0007");
        request.addHeader("X-Tabbed", "a\tb");

        FirewalledRequest firewalled = HeaderTextChecks.firewall().getFirewalledRequest(request);

        assertThat(firewalled.getHeader("Authorization")).startsWith("Bearer ");
        assertThat(firewalled.getHeader("X-Tabbed")).isEqualTo("a\tb");
        assertThatThrownBy(() -> firewalled.getHeader("X-Note")).isInstanceOf(RequestRejectedException.class);
    }
}
