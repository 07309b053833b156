package dev.studybuddy.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studybuddy.command.support.Accounts;
import dev.studybuddy.command.support.CommandSideIT;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A peer that is not a trusted proxy (only 127.0.0.1 and ::1 are, by default) cannot choose its address by
 * sending X-Forwarded-For: the rate limits count its real one. The test connects from 127.0.0.2, another
 * loopback address, which Tomcat's own default would have believed like any private or loopback peer.
 */
@CommandSideIT
class ForgedForwardedForIT {

    private static final String UNTRUSTED_PEER = "127.0.0.2";

    @LocalServerPort
    int port;

    @Test
    void aForgedForwardedForFromAnUntrustedPeerDoesNotEscapeTheLimitPerAddress() throws IOException {
        List<Integer> statuses = new ArrayList<>();
        // 20 a minute per address (CommandSideIT), each attempt from a new forged address and for a new user name
        for (int attempt = 0; attempt < 30 && !statuses.contains(429); attempt++) {
            statuses.add(loginFromUntrustedPeer("198.51.100." + (attempt + 1), Accounts.uniqueUsername("forger")));
        }
        assertThat(statuses)
                .as("refused once the real address has used up its attempts")
                .contains(429);
        assertThat(statuses.subList(0, 20)).containsOnly(401);
    }

    private int loginFromUntrustedPeer(String forgedAddress, String username) throws IOException {
        byte[] body = ("{\"username\":\"" + username + "\",\"password\":\"Wrong-Password-1\"}")
                .getBytes(StandardCharsets.UTF_8);
        String head = "POST /api/auth/login HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + port + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "X-Forwarded-For: " + forgedAddress + "\r\n"
                + "Connection: close\r\n\r\n";
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(UNTRUSTED_PEER, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            String statusLine = firstLine(socket.getInputStream());
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    private static String firstLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
            line.write(b);
        }
        return line.toString(StandardCharsets.US_ASCII).strip();
    }
}
