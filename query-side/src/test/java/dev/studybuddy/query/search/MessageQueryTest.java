package dev.studybuddy.query.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import org.junit.jupiter.api.Test;

class MessageQueryTest {

    @Test
    void takesTheAuthorOutOfTheText() {
        assertThat(MessageQuery.parse("from:@ada \"linear algebra\" -calculus"))
                .isEqualTo(new MessageQuery("\"linear algebra\" -calculus", "ada"));
        assertThat(MessageQuery.parse("notes FROM:@Ada.B")).isEqualTo(new MessageQuery("notes", "Ada.B"));
        assertThat(MessageQuery.parse("  from:@ada  ")).isEqualTo(new MessageQuery("", "ada"));
        assertThat(MessageQuery.parse("from:@ada").hasText()).isFalse();
    }

    @Test
    void leavesEverythingElseToWebsearch() {
        assertThat(MessageQuery.parse("&|! :* \"")).isEqualTo(new MessageQuery("&|! :* \"", null));
        assertThat(MessageQuery.parse("mail from:ada")).isEqualTo(new MessageQuery("mail from:ada", null));
        assertThat(MessageQuery.parse("x".repeat(200)).text()).hasSize(200);
        assertThat(MessageQuery.parse("🎉".repeat(200)).text()).hasSize(400);
    }

    @Test
    void refusesMissingLongControlAndAmbiguousQueries() {
        for (String q :
                new String[] {null, "", "   ", "x".repeat(201), "a\u0001b", "a\nb", "a\tb", "from:@", "from:@a from:@b"
                }) {
            assertThatThrownBy(() -> MessageQuery.parse(q))
                    .as(String.valueOf(q))
                    .isInstanceOfSatisfying(
                            DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
        }
    }
}
