package dev.studybuddy.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class CursorPageTest {

    @Test
    void aPageWithOneRowMoreThanTheLimitPointsAfterItsLastItem() {
        CursorPage<String> page = CursorPage.of(List.of("a", "b", "c"), 2, Function.identity());

        assertThat(page.items()).containsExactly("a", "b");
        assertThat(Cursors.decode(page.nextCursor())).isEqualTo("b");
    }

    @Test
    void theLastPageHasNoNextCursor() {
        assertThat(CursorPage.of(List.of("a", "b"), 2, Function.identity()).nextCursor())
                .isNull();
        assertThat(CursorPage.of(List.<String>of(), 2, Function.identity()).nextCursor())
                .isNull();
    }

    @Test
    void cursorsRoundTripAnyKeyAndAreOpaque() {
        String key = "émile_42.x";
        String cursor = Cursors.encode(key);

        assertThat(cursor).doesNotContain(key).matches("[A-Za-z0-9_-]+");
        assertThat(Cursors.decode(cursor)).isEqualTo(key);
    }

    @Test
    void aCursorThisServiceDidNotIssueIsAMalformedRequest() {
        for (String foreign : List.of("!!", "YWJj", "x".repeat(600))) {
            assertThatThrownBy(() -> Cursors.decode(foreign))
                    .isInstanceOfSatisfying(
                            DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_REQUEST));
        }
    }
}
