package dev.studybuddy.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/** What the servlet container's multipart limits and parse failures become: problems with our codes. */
class UploadProblemsTest {

    final ApiExceptionHandler handler = new ApiExceptionHandler(
            new ServiceUnavailable(Duration.ofSeconds(5)),
            new ProblemWriter(Jackson2ObjectMapperBuilder.json().build()));

    @Test
    void aRequestOverTheMultipartLimitIs413() throws Exception {
        ResponseEntity<Object> response = handler.handleException(
                new MaxUploadSizeExceededException(16L << 20),
                new ServletWebRequest(new MockHttpServletRequest("POST", "/api/files")));

        assertThat(response.getStatusCode().value()).isEqualTo(413);
        ProblemDetail problem = (ProblemDetail) response.getBody();
        assertThat(problem.getProperties()).containsEntry("code", "PAYLOAD_TOO_LARGE");
    }

    @Test
    void anUnreadableMultipartBodyIs400() {
        ResponseEntity<ProblemDetail> response = handler.malformedMultipart(new MultipartException("bad header"));

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody().getProperties()).containsEntry("code", "MALFORMED_REQUEST");
    }
}
