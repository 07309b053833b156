package dev.studybuddy.platform.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.ResolvableType;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourceRegion;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRange;
import org.springframework.http.MediaType;
import org.springframework.http.converter.ResourceRegionHttpMessageConverter;
import org.springframework.mock.http.MockHttpOutputMessage;

class BlobRegionHttpMessageConverterTest {

    private static final Type REGIONS = ResolvableType.forClassWithGenerics(List.class, ResourceRegion.class)
            .getType();
    private static final String KEY = BlobKeys.content("cd".repeat(32));
    private static final byte[] CONTENT = "0123456789".repeat(100).getBytes(StandardCharsets.US_ASCII);

    private final RangeReadingStore store = new RangeReadingStore();

    BlobRegionHttpMessageConverterTest() {
        store.put(KEY, CONTENT);
    }

    @Test
    void oneRangeReadsOnlyItsBytesAndAnswersAsSpringWould() throws IOException {
        MockHttpOutputMessage ours = write(new BlobRegionHttpMessageConverter(), "bytes=100-199", blob());
        MockHttpOutputMessage springs = write(new ResourceRegionHttpMessageConverter(), "bytes=100-199", bytes());

        assertThat(ours.getHeaders()).isEqualTo(springs.getHeaders());
        assertThat(ours.getHeaders().getFirst(HttpHeaders.CONTENT_RANGE)).isEqualTo("bytes 100-199/1000");
        assertThat(ours.getBodyAsBytes()).isEqualTo(springs.getBodyAsBytes());
        assertThat(store.opened).containsExactly("100+100");
    }

    @Test
    void aSuffixRangeReadsOnlyTheTail() throws IOException {
        MockHttpOutputMessage ours = write(new BlobRegionHttpMessageConverter(), "bytes=-7", blob());

        assertThat(ours.getBodyAsString()).isEqualTo("3456789");
        assertThat(store.opened).containsExactly("993+7");
    }

    @Test
    void severalRangesReadEachOnlyItsBytesInOneMultipartBodyAsSpringWould() throws IOException {
        String ranges = "bytes=500-509,0-9,990-";
        MockHttpOutputMessage ours = write(new BlobRegionHttpMessageConverter(), ranges, blob());
        MockHttpOutputMessage springs = write(new ResourceRegionHttpMessageConverter(), ranges, bytes());

        assertThat(withoutBoundary(ours)).isEqualTo(withoutBoundary(springs));
        assertThat(withoutBoundary(ours)).contains("Content-Range: bytes 990-999/1000");
        assertThat(store.opened).containsExactly("500+10", "0+10", "990+10");
    }

    @Test
    void aRegionReadFromItsStartWithoutSkippingStillEndsWhereTheRegionEnds() throws IOException {
        Resource region = ((BlobResource) blob()).readingUpTo(15);

        try (InputStream in = region.getInputStream()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("012345678901234");
        }
        assertThat(region.contentLength()).isEqualTo(CONTENT.length);
    }

    private Resource blob() {
        return store.resource(KEY, CONTENT.length);
    }

    private static Resource bytes() {
        return new ByteArrayResource(CONTENT);
    }

    private static MockHttpOutputMessage write(
            ResourceRegionHttpMessageConverter converter, String range, Resource resource) throws IOException {
        List<ResourceRegion> regions = HttpRange.toResourceRegions(HttpRange.parseRanges(range), resource);
        MockHttpOutputMessage message = new MockHttpOutputMessage();
        message.getHeaders().setContentType(MediaType.TEXT_PLAIN);
        converter.write(regions, REGIONS, null, message);
        return message;
    }

    private static String withoutBoundary(MockHttpOutputMessage message) {
        String boundary = message.getHeaders().getContentType().getParameter("boundary");
        return message.getHeaders().toString().replace(boundary, "BOUNDARY")
                + message.getBodyAsString(StandardCharsets.US_ASCII).replace(boundary, "BOUNDARY");
    }

    /** Reads a range as a real store does, only its bytes, and notes what was asked for. */
    private static final class RangeReadingStore extends InMemoryBlobStore {

        final List<String> opened = new ArrayList<>();

        @Override
        public InputStream open(String key) throws IOException {
            opened.add("all");
            return super.open(key);
        }

        @Override
        public InputStream open(String key, long offset, long length) throws IOException {
            opened.add(offset + "+" + length);
            byte[] content = bytes(key);
            int from = (int) Math.min(offset, content.length);
            return new ByteArrayInputStream(content, from, (int) Math.min(length, content.length - from));
        }
    }
}
