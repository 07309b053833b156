package dev.studybuddy.platform.files;

import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Collection;
import org.springframework.core.io.support.ResourceRegion;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.converter.ResourceRegionHttpMessageConverter;

/**
 * Spring's writer of the regions of a {@code Range} request (one region, or {@code multipart/byteranges}),
 * except that a region of a blob reads only its own bytes from the store: Spring's opens the blob at its
 * start and skips to each region. Headers, framing and status are Spring's, unchanged. Spring Boot puts
 * this bean just before Spring's {@link ResourceRegionHttpMessageConverter}, so it is the one chosen.
 */
public class BlobRegionHttpMessageConverter extends ResourceRegionHttpMessageConverter {

    @Override
    protected void writeInternal(Object object, Type type, HttpOutputMessage outputMessage) throws IOException {
        Object regions = object instanceof Collection<?> several
                ? several.stream()
                        .map(region -> readingOnlyItself((ResourceRegion) region))
                        .toList()
                : readingOnlyItself((ResourceRegion) object);
        super.writeInternal(regions, type, outputMessage);
    }

    private static ResourceRegion readingOnlyItself(ResourceRegion region) {
        if (!(region.getResource() instanceof BlobResource blob)) {
            return region;
        }
        long end = region.getPosition() + region.getCount();
        return new ResourceRegion(blob.readingUpTo(end), region.getPosition(), region.getCount());
    }
}
