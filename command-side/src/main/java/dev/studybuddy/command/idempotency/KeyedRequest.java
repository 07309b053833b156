package dev.studybuddy.command.idempotency;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.Part;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A keyed request, read before it is served so that its fingerprint (SHA-256 of method, path, query and body)
 * tells a retry from another request under the same key. A JSON body is read whole and handed to the
 * controller again; a multipart body is parsed by the container (its parts spooled to disk as usual) and its
 * parts are hashed as streams, so an upload is never held in memory. The multipart boundary is left out: a
 * client may pick a new one for each retry.
 */
final class KeyedRequest extends HttpServletRequestWrapper {

    private final byte[] body;
    private final String fingerprint;

    private KeyedRequest(HttpServletRequest request, byte[] body, String fingerprint) {
        super(request);
        this.body = body;
        this.fingerprint = fingerprint;
    }

    static KeyedRequest read(HttpServletRequest request) throws IOException, ServletException {
        MessageDigest digest = sha256();
        update(digest, request.getMethod());
        update(digest, request.getRequestURI());
        update(digest, request.getQueryString());
        if (isMultipart(request)) {
            for (Part part : request.getParts()) {
                update(digest, part.getName());
                update(digest, part.getSubmittedFileName());
                update(digest, part.getContentType());
                try (InputStream content = new DigestInputStream(part.getInputStream(), digest)) {
                    content.transferTo(OutputStream.nullOutputStream());
                }
            }
            return new KeyedRequest(request, null, HexFormat.of().formatHex(digest.digest()));
        }
        byte[] body = request.getInputStream().readAllBytes();
        update(digest, request.getContentType());
        digest.update(body);
        return new KeyedRequest(request, body, HexFormat.of().formatHex(digest.digest()));
    }

    String fingerprint() {
        return fingerprint;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (body == null) {
            return super.getInputStream();
        }
        ByteArrayInputStream bytes = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public int read() {
                return bytes.read();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                return bytes.read(buffer, offset, length);
            }

            @Override
            public boolean isFinished() {
                return bytes.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException("a keyed request's body is read already");
            }
        };
    }

    @Override
    public BufferedReader getReader() throws IOException {
        if (body == null) {
            return super.getReader();
        }
        String encoding = getCharacterEncoding();
        Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    /** Each value length-prefixed, so that no two different sequences of values hash alike. */
    private static void update(MessageDigest digest, String value) {
        byte[] bytes = value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
        digest.update(Integer.toString(value == null ? -1 : bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
