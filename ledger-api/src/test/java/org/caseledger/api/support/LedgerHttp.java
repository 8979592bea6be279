package org.caseledger.api.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for the tests: {@code http.as("anna").post("/api/v1/cases", body)} sends JSON with Basic
 * authentication and returns the status, headers and body as JSON. Every demo user's password is the same;
 * {@code http.bearer(token)} sends an identity provider's token instead. Every answer is checked against the committed
 * OpenAPI document before the test sees it ({@link ApiContract}): an answer the document does not describe fails the test.
 */
public final class LedgerHttp {

    public static final String PASSWORD = "ledger-demo";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final String user;
    private final Map<String, String> headers;

    public LedgerHttp(String base) {
        this(base, null, Map.of());
    }

    private LedgerHttp(String base, String user, Map<String, String> headers) {
        this.base = base;
        this.user = user;
        this.headers = headers;
    }

    public LedgerHttp as(String user) {
        return new LedgerHttp(base, user, headers);
    }

    /** Sends the token instead of a demo user's password, for the {@code oidc} mode. */
    public LedgerHttp bearer(String token) {
        return anonymous().header("Authorization", "Bearer " + token);
    }

    public LedgerHttp anonymous() {
        return new LedgerHttp(base, null, headers);
    }

    public LedgerHttp header(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new LedgerHttp(base, user, more);
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    /** A GET whose answer is not text, such as a PDF: the body as the bytes sent. */
    public BinaryResponse getBytes(String path) {
        try {
            HttpRequest request = request(path).GET().build();
            HttpResponse<byte[]> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
            ApiContract.committed().check(request.method(), target(request), response.statusCode(), response.headers().map(),
                    ApiContract.text(response.body(), response.headers().firstValue("Content-Type").orElse(null)));
            return new BinaryResponse(response);
        } catch (IOException e) {
            throw new IllegalStateException("request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public Response post(String path, Object body) {
        return postRaw(path, body instanceof String text ? text : JSON.writeValueAsString(body));
    }

    /**
     * A DELETE says it comes from a program, as every write without a JSON body must (docs/api.md, "Writes, browsers
     * and content types").
     */
    public Response delete(String path) {
        return send(request(path).header("X-Requested-By", "ledger-tests").DELETE());
    }

    public Response postRaw(String path, String rawBody) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(rawBody, StandardCharsets.UTF_8)));
    }

    /** Any method, with the body sent as given and the Content-Type given (none if null): for requests the API must refuse. */
    public Response send(String method, String path, String contentType, String body) {
        HttpRequest.Builder builder = request(path).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return send(builder);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (user != null) {
            String credentials = Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            builder.header("Authorization", "Basic " + credentials);
        }
        headers.forEach(builder::header);
        return builder;
    }

    private static Response send(HttpRequest.Builder builder) {
        try {
            HttpRequest request = builder.build();
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            ApiContract.committed().check(request.method(), target(request), response.statusCode(), response.headers().map(),
                    response.body());
            return new Response(response.statusCode(), response, response.body());
        } catch (IOException e) {
            throw new IllegalStateException("request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String target(HttpRequest request) {
        return request.uri().getRawPath() + (request.uri().getRawQuery() == null ? "" : "?" + request.uri().getRawQuery());
    }

    /** An answer: status, headers and the body, parsed as JSON on demand. */
    public record Response(int status, HttpResponse<String> raw, String text) {

        public JsonNode json() {
            return JSON.readTree(text);
        }

        public String field(String name) {
            return json().path(name).asString();
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        /** The path and query of the next page that the {@code Link} header names ({@code rel="next"}), or null if none. */
        public String nextPage() {
            String link = header("Link");
            return link == null ? null : link.substring(link.indexOf("/api/v1/"), link.indexOf('>'));
        }

        @Override
        public String toString() {
            return status + " " + text;
        }
    }

    /** A binary answer: status, headers and the body as bytes. */
    public record BinaryResponse(HttpResponse<byte[]> raw) {

        public int status() {
            return raw.statusCode();
        }

        public byte[] body() {
            return raw.body();
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            String type = header("Content-Type");
            return status() + " " + type + (type != null && type.startsWith("application/pdf") ? ""
                    : " " + new String(body(), StandardCharsets.UTF_8));
        }
    }
}
