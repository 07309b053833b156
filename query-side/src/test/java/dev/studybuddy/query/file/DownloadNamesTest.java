package dev.studybuddy.query.file;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DownloadNamesTest {

    @Test
    void anAsciiNameIsTheSameInBothParameters() {
        assertThat(DownloadNames.contentDisposition(true, "notes.png"))
                .isEqualTo("inline; filename=\"notes.png\"; filename*=UTF-8''notes.png");
    }

    @Test
    void otherCharactersAreUtf8InFilenameStarAndUnderscoresInTheAsciiStandIn() {
        assertThat(DownloadNames.contentDisposition(false, "Übung 1 – 日本.pdf"))
                .isEqualTo("attachment; filename=\"_bung 1 _ __.pdf\"; "
                        + "filename*=UTF-8''%C3%9Cbung%201%20%E2%80%93%20%E6%97%A5%E6%9C%AC.pdf");
    }

    @Test
    void quotesBackslashesAndCharactersOutsideTheBasicPlaneCannotBreakTheHeader() {
        assertThat(DownloadNames.contentDisposition(true, "a\"b\\c 🎉;d=e.png"))
                .isEqualTo(
                        "inline; filename=\"a_b_c _;d=e.png\"; filename*=UTF-8''a%22b%5Cc%20%F0%9F%8E%89%3Bd%3De.png");
    }
}
