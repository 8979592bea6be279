package org.caseledger.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import org.caseledger.api.problems.ProblemType;
import org.caseledger.api.problems.Problems;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads a request's body before Spring MVC does, after authentication, to settle two things first. A body over
 * {@code ledger.requests.max-body-size} is refused with 413, whether it declares its length or arrives in chunks.
 * A JSON body that is not well-formed UTF-8 is refused with 400: the JSON parser would otherwise decode overlong
 * and out-of-range byte sequences into characters the client never sent, and the ledger would keep them for good.
 */
@Component
class RequestBodyCheck extends OncePerRequestFilter {

    private final Problems problems;
    private final int maxBytes;

    RequestBodyCheck(Problems problems, RequestProperties properties) {
        this.problems = problems;
        this.maxBytes = (int) properties.maxBodySize().toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() <= 0 && request.getHeader("Transfer-Encoding") == null) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > maxBytes) {
            refuseAsTooLarge(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
            refuseAsTooLarge(request, response);
            return;
        }
        if (isUtf8Json(request.getContentType()) && !isWellFormedUtf8(body)) {
            problems.write(request, response, ProblemType.MALFORMED_REQUEST);
            return;
        }
        chain.doFilter(new ReadRequest(request, body), response);
    }

    private void refuseAsTooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        problems.write(request, response, ProblemType.REQUEST_TOO_LARGE, maxBytes);
    }

    /** JSON is UTF-8 unless the request says otherwise (RFC 8259); any other declared charset is the converter's to judge. */
    private static boolean isUtf8Json(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            boolean json = type.getType().equals("application")
                    && (type.getSubtype().equals("json") || "json".equals(type.getSubtypeSuffix()));
            return json && (type.getCharset() == null || type.getCharset().equals(StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            // An unreadable Content-Type or charset: the message converters refuse it with 415.
            return false;
        }
    }

    private static boolean isWellFormedUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** The request with its body already read into memory. */
    private static final class ReadRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
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
                    throw new UnsupportedOperationException("the body was read before; there is nothing to wait for");
                }
            };
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(), encoding == null ? "UTF-8" : encoding));
        }
    }
}
