package dev.studybuddy.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studybuddy.query.support.QuerySideIT;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What Tomcat refuses before Spring sees the request, and what Spring Security's firewall refuses, is a problem too,
 * never Tomcat's HTML page or Spring Boot's error JSON.
 */
@QuerySideIT
class TomcatErrorsIT {

    @LocalServerPort
    int port;

    @Test
    void anEncodedSlashInThePathIsAProblem() throws IOException {
        assertProblem(exchange("GET /api/users/a%2Fb HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 400);
    }

    @Test
    void anOverLongHeaderIsAProblem() throws IOException {
        assertProblem(
                exchange("GET /api/groups HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "y".repeat(20_000)
                        + "\r\nConnection: close\r\n\r\n"),
                400);
    }

    @Test
    void aMalformedRequestLineIsAProblem() throws IOException {
        assertProblem(exchange("GET /api/gro ups HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 400);
    }

    @Test
    void pathsTheSecurityFirewallRefusesAreProblems() throws IOException {
        for (String path : new String[] {"/api/users/%2e%2e", "/api/users/a;b", "/api/users//a", "/api/users/%25"}) {
            assertProblem(exchange("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 400);
        }
    }

    @Test
    void aHeaderTheSecurityFirewallRefusesIsAProblem() throws IOException {
        assertProblem(
                exchange(
                        "GET /api/groups HTTP/1.1\r\nHost: localhost\r\nX-Note: a\u0001b\r\nConnection: close\r\n\r\n"),
                400);
    }

    private static void assertProblem(String response, int status) {
        assertThat(response).as(response).startsWith("HTTP/1.1 " + status);
        assertThat(response.toLowerCase()).as(response).contains("content-type: application/problem+json");
        assertThat(response)
                .as(response)
                .contains("\"status\":" + status, "\"code\":\"MALFORMED_REQUEST\"")
                .doesNotContain("<html", "Apache Tomcat");
    }

    private String exchange(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
