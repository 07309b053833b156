package dev.studybuddy.api.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.studybuddy.api.group.CreateGroupCommand;
import dev.studybuddy.api.user.ChangeProfileCommand;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TypedTextTest {

    @Test
    void freeTextKeepsNewlinesAndTabsButNoOtherControlCharacter() {
        assertThat(TypedText.requireText("bio", "line one\n\tline two")).isEqualTo("line one\n\tline two");
        assertThatThrownBy(() -> TypedText.requireText("bio", "nul\u0000byte"))
                .isInstanceOfSatisfying(
                        InvalidTextException.class, e -> assertThat(e.field()).isEqualTo("bio"));
        assertThatThrownBy(() -> TypedText.requireText("bio", "bell\u0007")).isInstanceOf(InvalidTextException.class);
        assertThatThrownBy(() -> TypedText.requireText("bio", "del\u007f")).isInstanceOf(InvalidTextException.class);
    }

    @Test
    void namesAreOneLineWithoutBidiOverridesOrIsolates() {
        assertThat(TypedText.requireName("name", "Zoë's Ελληνικά group")).isEqualTo("Zoë's Ελληνικά group");
        for (String bad : new String[] {"a\nb", "a\tb", "\u202Eevil", "x\u202Ay", "x\u2066y", "x\u2069y"}) {
            assertThatThrownBy(() -> TypedText.requireName("name", bad))
                    .as(bad)
                    .isInstanceOf(InvalidTextException.class);
        }
    }

    @Test
    void everyCommandCarryingTypedTextAppliesTheRule() {
        UUID id = UUID.randomUUID();
        assertThatThrownBy(() -> new ChangeProfileCommand(id, "nul\u0000byte", null))
                .isInstanceOfSatisfying(
                        InvalidTextException.class, e -> assertThat(e.field()).isEqualTo("displayName"));
        assertThatThrownBy(() -> new ChangeProfileCommand(id, null, "bio\u0000"))
                .isInstanceOfSatisfying(
                        InvalidTextException.class, e -> assertThat(e.field()).isEqualTo("bio"));
        assertThatThrownBy(() -> new CreateGroupCommand(id, id, "nul\u0000name", "", null, null, null))
                .isInstanceOfSatisfying(
                        InvalidTextException.class, e -> assertThat(e.field()).isEqualTo("name"));
    }
}
