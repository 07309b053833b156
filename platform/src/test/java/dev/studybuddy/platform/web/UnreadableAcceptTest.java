package dev.studybuddy.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.context.request.ServletWebRequest;

/** An Accept header Spring cannot parse is the client's malformed request, answered with a problem all the same. */
class UnreadableAcceptTest {

    final ApiExceptionHandler handler = new ApiExceptionHandler(
            new ServiceUnavailable(Duration.ofSeconds(5)),
            new ProblemWriter(Jackson2ObjectMapperBuilder.json().build()));

    @Test
    void anUnparseableAcceptHeaderIsA400ProblemWrittenDespiteIt() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/groups");
        request.addHeader("Accept", "*/*;q=x");
        MockHttpServletResponse response = new MockHttpServletResponse();

        ResponseEntity<Object> answer = handler.handleException(
                new HttpMediaTypeNotAcceptableException("Could not parse 'Accept' header [*/*;q=x]"),
                new ServletWebRequest(request, response));

        assertThat(answer).isNull();
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(response.getContentAsString())
                .contains("\"code\":\"MALFORMED_REQUEST\"", "\"status\":400", "Accept header");
    }

    @Test
    void aReadableAcceptThatNothingSatisfiesStays406() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/groups");
        request.addHeader("Accept", "application/xml");
        MockHttpServletResponse response = new MockHttpServletResponse();

        ResponseEntity<Object> answer = handler.handleException(
                new HttpMediaTypeNotAcceptableException(List.of(MediaType.APPLICATION_JSON)),
                new ServletWebRequest(request, response));

        assertThat(answer.getStatusCode().value()).isEqualTo(406);
        assertThat(response.getContentAsString()).isEmpty();
    }
}
