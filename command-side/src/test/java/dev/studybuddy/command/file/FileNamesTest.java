package dev.studybuddy.command.file;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void pathPartsAreDropped() {
        assertThat(FileNames.sanitize("../../etc/passwd")).isEqualTo("passwd");
        assertThat(FileNames.sanitize("C:\\Users\\ann\\notes.txt")).isEqualTo("notes.txt");
        assertThat(FileNames.sanitize("/absolute/path/")).isEqualTo("file");
    }

    @Test
    void controlCharactersNulAndBidiOverridesAreDropped() {
        assertThat(FileNames.sanitize("report\u0000.pdf")).isEqualTo("report.pdf");
        assertThat(FileNames.sanitize("a\r\nb\tc.txt")).isEqualTo("abc.txt");
        assertThat(FileNames.sanitize("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
    }

    @Test
    void hiddenAndEmptyNamesGetAPlainOne() {
        assertThat(FileNames.sanitize(".htaccess")).isEqualTo("htaccess");
        assertThat(FileNames.sanitize("..")).isEqualTo("file");
        assertThat(FileNames.sanitize(null)).isEqualTo("file");
        assertThat(FileNames.sanitize("   ")).isEqualTo("file");
    }

    @Test
    void longNamesAreShortenedKeepingTheExtension() {
        String name = FileNames.sanitize("ä".repeat(500) + ".pdf");
        assertThat(name).hasSize(FileNames.MAX_LENGTH).endsWith(".pdf");
    }
}
