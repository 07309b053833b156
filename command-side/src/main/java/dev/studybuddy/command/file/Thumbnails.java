package dev.studybuddy.command.file;

import dev.studybuddy.api.error.DomainException;
import dev.studybuddy.api.error.ErrorCode;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Avatar thumbnails, made with the JDK's ImageIO (PNG, JPEG, GIF; WebP through TwelveMonkeys' plugin,
 * which registers itself). The image's size is read from its header first: more pixels than
 * {@code max-image-pixels} are refused before decoding, since decoding costs CPU in proportion to them,
 * subsampled or not; within the cap it is decoded subsampled, to at most twice the largest
 * thumbnail on its longer side, so that a small file that claims a huge image cannot exhaust memory.
 * Thumbnails are PNG.
 */
@Component
class Thumbnails {

    private static final Logger log = LoggerFactory.getLogger(Thumbnails.class);

    private final UploadLimits limits;

    Thumbnails(UploadLimits limits) {
        this.limits = limits;
    }

    /** @return one PNG temp file per size (the caller deletes them); 415 if the image cannot be read */
    Map<Integer, Path> of(Path image, Path tempDirectory) throws IOException {
        BufferedImage source = decode(image);
        Map<Integer, Path> thumbnails = new LinkedHashMap<>();
        try {
            for (int pixels : limits.thumbnailSizes()) {
                Path target = Files.createTempFile(tempDirectory, "thumbnail-", ".png");
                thumbnails.put(pixels, target);
                if (!ImageIO.write(scaled(source, pixels), "png", target.toFile())) {
                    throw new IOException("no PNG writer");
                }
            }
            return thumbnails;
        } catch (IOException | RuntimeException e) {
            for (Path path : thumbnails.values()) {
                Files.deleteIfExists(path);
            }
            throw e;
        }
    }

    /** The image as read for thumbnails: its longer side at most twice the largest thumbnail's (subsampled). */
    BufferedImage decode(Path image) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(image.toFile())) {
            Iterator<ImageReader> readers =
                    in == null ? List.<ImageReader>of().iterator() : ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw unreadable();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0) {
                    throw unreadable();
                }
                if ((long) width * height > limits.maxImagePixels()) {
                    throw new DomainException(
                            ErrorCode.PAYLOAD_TOO_LARGE,
                            "The image has more than " + limits.maxImagePixels() + " pixels.");
                }
                int largest =
                        limits.thumbnailSizes().stream().max(Integer::compare).orElse(256);
                int step = subsamplingStep(Math.max(width, height), 2 * largest);
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(step, step, 0, 0);
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (DomainException refused) {
            throw refused;
        } catch (IOException | RuntimeException e) {
            // ImageIO's decoders fail on a broken file with whatever they meet: an IndexOutOfBoundsException of a GIF
            // without an image, a NegativeArraySizeException of a BMP's header, a CMMException of a JPEG's profile
            log.debug("An image could not be decoded", e);
            throw unreadable();
        }
    }

    /**
     * Every how many pixels one is kept, so that {@code longerSide} decodes to at most {@code wanted}: rounded up,
     * since rounding down left up to twice as many rows and columns as wanted.
     */
    static int subsamplingStep(int longerSide, int wanted) {
        return Math.max(1, (longerSide + wanted - 1) / wanted);
    }

    private static BufferedImage scaled(BufferedImage source, int pixels) {
        double factor = Math.min(1.0, (double) pixels / Math.max(source.getWidth(), source.getHeight()));
        int width = Math.max(1, (int) Math.round(source.getWidth() * factor));
        int height = Math.max(1, (int) Math.round(source.getHeight() * factor));
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D graphics = target.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            graphics.drawImage(source, 0, 0, width, height, null);
        } finally {
            graphics.dispose();
        }
        return target;
    }

    private static DomainException unreadable() {
        return new DomainException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "The image cannot be read.");
    }
}
