package dev.studybuddy.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.method.HandlerMethod;

/** Which requests are refused for their {@code Accept} before their handler runs, and which are left to Spring. */
class AcceptableBeforeEffectTest {

    private final AcceptableBeforeEffect interceptor = new AcceptableBeforeEffect();

    @Test
    void aChangeAnsweredInJsonIsRefusedForAnAcceptWithoutJsonBeforeItsHandler() throws Exception {
        assertThatThrownBy(() -> preHandle("POST", "application/xml", "create"))
                .isInstanceOf(HttpMediaTypeNotAcceptableException.class);
        assertThatThrownBy(() -> preHandle("PUT", "text/html, image/*", "create"))
                .isInstanceOf(HttpMediaTypeNotAcceptableException.class);
        assertThatThrownBy(() -> preHandle("POST", "*/*;q=x", "create"))
                .as("unreadable: ApiExceptionHandler answers it 400")
                .isInstanceOf(HttpMediaTypeNotAcceptableException.class);
    }

    @Test
    void anAcceptThatAdmitsJsonOrNoneAtAllGoesOn() throws Exception {
        for (String accept : new String[] {
            null,
            "application/json",
            "*/*",
            "application/*",
            "application/xml, application/json;q=0.1",
            "application/problem+json",
            "application/vnd.studybuddy+json"
        }) {
            assertThat(preHandle("POST", accept, "create"))
                    .as(String.valueOf(accept))
                    .isTrue();
        }
    }

    @Test
    void readsAndAnswersWithoutAJsonBodyAreLeftToSpring() throws Exception {
        assertThat(preHandle("GET", "application/xml", "create")).isTrue();
        assertThat(preHandle("DELETE", "application/xml", "delete")).isTrue();
        assertThat(preHandle("POST", "application/xml", "nothing")).isTrue();
        assertThat(preHandle("POST", "image/png", "file")).isTrue();
    }

    private boolean preHandle(String method, String accept, String handler) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, "/api/things");
        if (accept != null) {
            request.addHeader("Accept", accept);
        }
        return interceptor.preHandle(
                request,
                new MockHttpServletResponse(),
                new HandlerMethod(new Things(), Things.class.getDeclaredMethod(handler)));
    }

    record Created(String id) {}

    static final class Things {
        ResponseEntity<Created> create() {
            return ResponseEntity.ok(new Created("1"));
        }

        ResponseEntity<Void> delete() {
            return ResponseEntity.noContent().build();
        }

        void nothing() {}

        ResponseEntity<Resource> file() {
            return ResponseEntity.notFound().build();
        }
    }
}
