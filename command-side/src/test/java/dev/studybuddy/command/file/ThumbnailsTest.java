package dev.studybuddy.command.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13, item 9: what an avatar costs to decode is bounded by its header, before decoding. */
class ThumbnailsTest {

    private static final int LARGEST_THUMBNAIL = 256;

    private final Thumbnails thumbnails =
            new Thumbnails(new UploadLimits(null, null, null, 4096L * 4096, List.of(64, LARGEST_THUMBNAIL), null));

    @TempDir
    Path directory;

    @Test
    void aLargeImageIsDecodedSubsampledToAtMostTwiceTheLargestThumbnail() throws IOException {
        BufferedImage decoded = thumbnails.decode(write(TestImages.png(1500, 1000)));

        assertThat(decoded.getWidth())
                .isLessThanOrEqualTo(2 * LARGEST_THUMBNAIL)
                .isGreaterThan(LARGEST_THUMBNAIL);
        assertThat(decoded.getHeight())
                .isEqualTo((int) Math.ceil(1000.0 / Math.ceil(1500.0 / (2 * LARGEST_THUMBNAIL))));
    }

    @Test
    void aSmallImageIsDecodedWhole() throws IOException {
        BufferedImage decoded = thumbnails.decode(write(TestImages.png(300, 200)));

        assertThat(decoded.getWidth()).isEqualTo(300);
        assertThat(decoded.getHeight()).isEqualTo(200);
    }

    @Test
    void theStepIsRoundedUpSoTheRasterNeverExceedsWhatIsWanted() {
        assertThat(Thumbnails.subsamplingStep(512, 512)).isEqualTo(1);
        assertThat(Thumbnails.subsamplingStep(513, 512)).isEqualTo(2);
        assertThat(Thumbnails.subsamplingStep(1023, 512)).isEqualTo(2);
        assertThat(Thumbnails.subsamplingStep(7000, 512)).isEqualTo(14);
        for (int side : List.of(1, 511, 512, 513, 1023, 1024, 1025, 4096, 7000)) {
            int step = Thumbnails.subsamplingStep(side, 512);
            assertThat((side + step - 1) / step).as("decoded side of %d", side).isLessThanOrEqualTo(512);
        }
    }

    @Test
    void anImageClaimingMorePixelsThanTheCapIsRefusedFromItsHeader() throws IOException {
        Path claimsHuge = write(withDimensions(TestImages.png(10, 10), 7000, 7000));

        assertThatThrownBy(() -> thumbnails.decode(claimsHuge))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        refused -> assertThat(refused.code()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE));
    }

    /** A GIF whose image block is broken (found by mutating a good one): ImageIO throws IndexOutOfBoundsException. */
    @Test
    void aBrokenImageIsRefusedAsUnreadableWhateverItsDecoderThrows() throws IOException {
        Path broken = write(Base64.getDecoder()
                .decode(
                        "R0lGODlhKAAeAPAAAAAAAAAAADv5BAEAAAAALAAAAAAoAB4AQAg6AAEIHEiwoMGDCBMqXMiwocOHECNKnEixosWLGDNq3Mixo8"
                                + "ePIEOKHEmypMmTKFOqXMmypcuXMDEGBAA7"));

        assertThatThrownBy(() -> thumbnails.decode(broken))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        refused -> assertThat(refused.code()).isEqualTo(ErrorCode.UNSUPPORTED_MEDIA_TYPE));
    }

    private Path write(byte[] image) throws IOException {
        return Files.write(Files.createTempFile(directory, "image-", ".png"), image);
    }

    /** The PNG with its IHDR chunk (right after the 8-byte signature) claiming other dimensions, CRC fixed. */
    private static byte[] withDimensions(byte[] png, int width, int height) {
        byte[] patched = png.clone();
        ByteBuffer buffer = ByteBuffer.wrap(patched);
        buffer.putInt(16, width).putInt(20, height);
        CRC32 crc = new CRC32();
        crc.update(patched, 12, 4 + 13);
        buffer.putInt(12 + 4 + 13, (int) crc.getValue());
        return patched;
    }
}
