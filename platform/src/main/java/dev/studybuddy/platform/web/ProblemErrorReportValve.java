package dev.studybuddy.platform.web;

import dev.studybuddy.api.error.ErrorCode;
import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's report of the errors it answers itself, before a request reaches Spring (an encoded slash in the path,
 * an over-long request line or header, a malformed request): a problem like every other, where Tomcat's own valve
 * writes an HTML page with its version in it.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        ErrorCode code = Problems.codeFor(status);
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String body = "{\"type\":\"" + code.type() + "\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"code\":\"" + code.name() + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response already started: nothing more to tell it
        }
    }
}
