package dev.studybuddy.command.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import dev.studybuddy.api.file.FilePurpose;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentTypesTest {

    @TempDir
    Path dir;

    final ContentTypes types = new ContentTypes();

    @Test
    void imagesAreKnownByTheirBytes() throws IOException {
        assertThat(types.decide(file(TestImages.png(40, 30)), "me.png", FilePurpose.AVATAR))
                .isEqualTo("image/png");
        assertThat(types.decide(file(TestImages.png(40, 30)), "no-extension", FilePurpose.AVATAR))
                .isEqualTo("image/png");
    }

    @Test
    void aNameThatContradictsTheContentIsRefused() {
        Path html = file(
                "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8));
        assertUnsupported(() -> types.decide(html, "cat.png", FilePurpose.ATTACHMENT));
        assertUnsupported(() -> types.decide(file(TestImages.png(4, 4)), "notes.txt", FilePurpose.ATTACHMENT));
    }

    @Test
    void htmlIsNeverAcceptedWhateverItIsCalled() {
        Path html = file("<html><head><title>x</title></head><body>hi</body></html>".getBytes(StandardCharsets.UTF_8));
        assertUnsupported(() -> types.decide(html, "page.html", FilePurpose.ATTACHMENT));
        assertUnsupported(() -> types.decide(html, "page.txt", FilePurpose.ATTACHMENT));
        assertUnsupported(() -> types.decide(html, "page", FilePurpose.ATTACHMENT));
    }

    @Test
    void theNameRefinesTextAndZipContainers() throws IOException {
        Path text = file("# Title\n\nSome *notes*.\n".getBytes(StandardCharsets.UTF_8));
        assertThat(types.decide(text, "notes.md", FilePurpose.ATTACHMENT)).isEqualTo("text/markdown");
        assertThat(types.decide(text, "notes.txt", FilePurpose.ATTACHMENT)).isEqualTo("text/plain");
        Path zip = file(zip("word/document.xml"));
        assertThat(types.decide(zip, "archive.zip", FilePurpose.ATTACHMENT)).isEqualTo("application/zip");
        assertThat(types.decide(zip, "essay.docx", FilePurpose.ATTACHMENT))
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    }

    @Test
    void avatarsMustBeImages() {
        Path text = file("just text".getBytes(StandardCharsets.UTF_8));
        assertUnsupported(() -> types.decide(text, "me.txt", FilePurpose.AVATAR));
    }

    private static void assertUnsupported(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_MEDIA_TYPE));
    }

    private Path file(byte[] content) {
        try {
            return Files.write(Files.createTempFile(dir, "upload", ".bin"), content);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] zip(String entry) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.putNextEntry(new ZipEntry(entry));
            out.write("<xml/>".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return bytes.toByteArray();
    }
}
