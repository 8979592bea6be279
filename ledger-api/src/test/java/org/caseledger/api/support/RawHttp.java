package org.caseledger.api.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests a well-behaved client refuses to send: any bytes in the request line
 * and the headers (given as ISO-8859-1 text, one character a byte), bodies that are not what their headers say,
 * chunked bodies. One connection per request ({@code Connection: close}); the answer is read until the server
 * closes it. {@link #from(String)} connects from another loopback address (127.0.0.2 …), for a client the ledger
 * must tell apart from the other tests' 127.0.0.1. Every answer is checked against the committed OpenAPI document
 * ({@link ApiContract}), however wrong the request was.
 */
public final class RawHttp {

    /**
     * @param target  the request target exactly as sent: path and query, encoded or not
     * @param headers header lines in order, {@code Host} and {@code Connection} excluded
     * @param body    the body; with {@code chunked} it is sent in chunks without a {@code Content-Length}
     */
    public record Request(String method, String target, List<Map.Entry<String, String>> headers, byte[] body, boolean chunked) {
    }

    /** The status, the headers (names in lower case) and the body, de-chunked. */
    public record Answer(int status, Map<String, String> headers, byte[] body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static final byte[] END_OF_HEADERS = {'\r', '\n', '\r', '\n'};

    private final int port;
    private final InetAddress from;

    public RawHttp(int port) {
        this(port, null);
    }

    /** The same client, connecting from {@code localAddress} (see the constructor). */
    public RawHttp from(String localAddress) {
        try {
            return new RawHttp(port, InetAddress.getByName(localAddress));
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(localAddress, e);
        }
    }

    /**
     * Connects from a local address of one's choice: on Linux every address of 127.0.0.0/8 is this machine, so a
     * request from 127.0.0.2 reaches the server as one from another host would, by an address it does not trust.
     */
    public RawHttp(int port, InetAddress from) {
        this.port = port;
        this.from = from;
    }

    public Answer send(Request request) throws IOException {
        try (Socket socket = new Socket()) {
            if (from != null) {
                socket.bind(new InetSocketAddress(from, 0));
            }
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head(request));
                out.write(request.chunked() ? chunked(request.body()) : request.body());
                out.flush();
            } catch (SocketException e) {
                // The server answered and closed before it had all of the body (a body over the limit): read its answer.
            }
            Answer answer = parse(readAll(socket.getInputStream()));
            Map<String, List<String>> headers = new LinkedHashMap<>();
            answer.headers().forEach((name, value) -> headers.put(name, List.of(value)));
            ApiContract.committed().check(request.method(), request.target(), answer.status(), headers,
                    ApiContract.text(answer.body(), answer.header("Content-Type")));
            return answer;
        }
    }

    private static byte[] head(Request request) {
        StringBuilder head = new StringBuilder()
                .append(request.method()).append(' ').append(request.target()).append(" HTTP/1.1\r\n")
                .append("Host: localhost\r\nConnection: close\r\n");
        request.headers().forEach(header -> head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n"));
        if (request.chunked()) {
            head.append("Transfer-Encoding: chunked\r\n");
        } else if (request.body().length > 0) {
            head.append("Content-Length: ").append(request.body().length).append("\r\n");
        }
        return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] chunked(byte[] body) {
        ByteArrayOutputStream chunks = new ByteArrayOutputStream(body.length + 1_024);
        int chunk = 64 * 1_024;
        for (int offset = 0; offset < body.length; offset += chunk) {
            int length = Math.min(chunk, body.length - offset);
            chunks.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            chunks.write(body, offset, length);
            chunks.writeBytes(new byte[] {'\r', '\n'});
        }
        chunks.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return chunks.toByteArray();
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1_024];
        try {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                received.write(buffer, 0, read);
            }
        } catch (SocketException e) {
            // A reset after the answer (the server would not read the rest of an oversized body): keep what arrived.
            if (received.size() == 0) {
                throw e;
            }
        }
        return received.toByteArray();
    }

    private static Answer parse(byte[] received) throws IOException {
        int end = indexOf(received, END_OF_HEADERS, 0);
        if (end < 0) {
            throw new IOException("no complete answer: " + new String(received, 0, Math.min(received.length, 200), StandardCharsets.ISO_8859_1));
        }
        String[] lines = new String(received, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/")) {
            throw new IOException("no status line: " + lines[0]);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : Arrays.asList(lines).subList(1, lines.length)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.putIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        byte[] body = Arrays.copyOfRange(received, end + END_OF_HEADERS.length, received.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        } else if (headers.containsKey("content-length")) {
            body = Arrays.copyOf(body, Math.min(body.length, Integer.parseInt(headers.get("content-length"))));
        }
        return new Answer(Integer.parseInt(statusLine[1]), headers, body);
    }

    private static byte[] dechunk(byte[] chunked) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int position = 0;
        while (true) {
            int lineEnd = indexOf(chunked, new byte[] {'\r', '\n'}, position);
            if (lineEnd < 0) {
                throw new IOException("chunked answer cut short");
            }
            String size = new String(chunked, position, lineEnd - position, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int length = Integer.parseInt(size, 16);
            if (length == 0) {
                return body.toByteArray();
            }
            int start = lineEnd + 2;
            if (start + length > chunked.length) {
                throw new IOException("chunked answer cut short");
            }
            body.write(chunked, start, length);
            position = start + length + 2;
        }
    }

    private static int indexOf(byte[] bytes, byte[] wanted, int from) {
        outer:
        for (int i = from; i <= bytes.length - wanted.length; i++) {
            for (int j = 0; j < wanted.length; j++) {
                if (bytes[i + j] != wanted[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** A header line, for {@link Request#headers()}. */
    public static Map.Entry<String, String> header(String name, String value) {
        return Map.entry(name, value);
    }
}
