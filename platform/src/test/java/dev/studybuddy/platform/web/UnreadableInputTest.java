package dev.studybuddy.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.http.MockHttpInputMessage;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** A body Jackson cannot read is told apart field by field, in the API's words, not the parser's. */
class UnreadableInputTest {

    enum Policy {
        OPEN,
        APPROVAL
    }

    record Body(
            String title,
            @JsonDeserialize(using = IsoInstant.class) Instant startsAt,
            Integer minutes,
            Boolean enabled,
            UUID userId,
            Policy policy,
            List<UUID> attachments) {}

    private final ObjectMapper mapper = mapper();

    @Test
    void aFieldOfTheWrongTypeIsNamedWithWhatItMustHold() {
        assertThat(refusal("{\"startsAt\": 1800000000}").getProperties())
                .containsEntry(
                        "errors",
                        Map.of(
                                "startsAt",
                                "must be an ISO-8601 instant with its offset, such as 2027-01-01T10:00:00Z"));
        assertThat(refusal("{\"startsAt\": \"2027-01-01T10:00:00\"}").getProperties())
                .containsEntry(
                        "errors",
                        Map.of(
                                "startsAt",
                                "must be an ISO-8601 instant with its offset, such as 2027-01-01T10:00:00Z"));
        assertThat(refusal("{\"minutes\": \"60\"}").getDetail()).isEqualTo("minutes must be a whole number in range.");
        assertThat(refusal("{\"minutes\": 1e12}").getDetail()).isEqualTo("minutes must be a whole number in range.");
        assertThat(refusal("{\"enabled\": 1}").getDetail()).isEqualTo("enabled must be true or false.");
        assertThat(refusal("{\"enabled\": \"true\"}").getDetail()).isEqualTo("enabled must be true or false.");
        assertThat(refusal("{\"userId\": \"nope\"}").getDetail()).isEqualTo("userId must be a UUID.");
        assertThat(refusal("{\"policy\": \"CLOSED\"}").getDetail()).isEqualTo("policy must be one of OPEN, APPROVAL.");
        assertThat(refusal("{\"title\": {\"a\": 1}}").getDetail()).isEqualTo("title must be a string.");
        assertThat(refusal("{\"attachments\": [\"nope\"]}").getDetail()).isEqualTo("attachments[0] must be a UUID.");
        assertThat(refusal("{\"attachments\": \"nope\"}").getDetail()).isEqualTo("attachments must be a list.");
    }

    @Test
    void aMissingParameterOrPartIsNamed() {
        ProblemDetail problem = UnreadableInput.missing("file");
        assertThat(problem.getDetail()).isEqualTo("file is required.");
        assertThat(problem.getProperties()).containsEntry("errors", Map.of("file", "is required"));
        assertThat(problem.getProperties()).containsEntry("code", "MALFORMED_REQUEST");
    }

    @Test
    void aBodyThatIsNoJsonOrNoObjectIsToldSo() {
        assertThat(refusal("{\"title\": ").getDetail()).isEqualTo("The body is not well-formed JSON.");
        assertThat(refusal("[1, 2]").getDetail())
                .isEqualTo("The body must be a JSON object of the fields this request takes.");
        assertThat(UnreadableInput.problem(new HttpMessageNotReadableException(
                                "Required request body is missing", new MockHttpInputMessage(new byte[0])))
                        .getDetail())
                .isEqualTo("The request body is missing or cannot be read.");
    }

    @Test
    void aParameterThatDoesNotConvertIsNamedWithWhatItMustHold() throws Exception {
        MethodParameter limit = new MethodParameter(getClass().getDeclaredMethod("page", int.class, UUID.class), 0);
        MethodParameter id = new MethodParameter(getClass().getDeclaredMethod("page", int.class, UUID.class), 1);

        ProblemDetail badLimit = UnreadableInput.problem(
                new MethodArgumentTypeMismatchException("abc", int.class, "limit", limit, null));
        ProblemDetail badId = UnreadableInput.problem(
                new MethodArgumentTypeMismatchException("nope", UUID.class, "groupId", id, null));

        assertThat(badLimit.getDetail()).isEqualTo("limit must be a whole number in range.");
        assertThat(badLimit.getProperties())
                .containsEntry(Problems.CODE, "MALFORMED_REQUEST")
                .containsEntry("errors", Map.of("limit", "must be a whole number in range"));
        assertThat(badId.getDetail()).isEqualTo("groupId must be a UUID.");
    }

    @SuppressWarnings("unused") // the parameters above
    private static void page(int limit, UUID groupId) {}

    @Test
    void whatTheServicesWriteStillReads() throws Exception {
        Body body = new Body(
                "t", Instant.parse("2027-01-01T10:00:00Z"), 60, true, UUID.randomUUID(), Policy.OPEN, List.of());

        assertThat(mapper.readValue(mapper.writeValueAsString(body), Body.class))
                .isEqualTo(body);
    }

    private ProblemDetail refusal(String json) {
        Exception cause = catchThrowableOfType(Exception.class, () -> mapper.readValue(json, Body.class));
        assertThat(cause).as(json).isNotNull();
        ProblemDetail problem = UnreadableInput.problem(
                new HttpMessageNotReadableException("unreadable", cause, new MockHttpInputMessage(new byte[0])));
        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getProperties()).containsEntry(Problems.CODE, "MALFORMED_REQUEST");
        return problem;
    }

    private static ObjectMapper mapper() {
        // as Spring Boot's: instants written as ISO-8601 strings
        Jackson2ObjectMapperBuilder builder =
                Jackson2ObjectMapperBuilder.json().featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        new WebConfiguration().scalarsOnlyOfTheirOwnType().customize(builder);
        return builder.build();
    }
}
