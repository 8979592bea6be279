package org.caseledger.verify.witness;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.caseledger.verify.witness.WitnessAnswer.Refusal;
import org.caseledger.verify.witness.WitnessAnswer.Refused;

/**
 * The witness on HTTP, on the JDK's own server: {@code POST /add-checkpoint} and nothing else. A request body larger
 * than {@link AddCheckpointRequest#MAX_BYTES} is refused (413) without being read further; the body is never held
 * beyond that bound. A few threads serve requests; the witness itself serialises what must be serial.
 */
public final class WitnessHttpServer implements AutoCloseable {

    public static final String ADD_CHECKPOINT = "/add-checkpoint";

    private static final Logger LOG = Logger.getLogger(WitnessHttpServer.class.getName());
    private static final int THREADS = 4;

    private final HttpServer server;
    private final ExecutorService executor;

    private WitnessHttpServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    public static WitnessHttpServer start(Witness witness, InetSocketAddress address) throws IOException {
        HttpServer server = HttpServer.create(address, 16);
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, runnable -> {
            Thread thread = new Thread(runnable, "witness-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", exchange -> handle(witness, exchange));
        server.start();
        return new WitnessHttpServer(server, executor);
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void handle(Witness witness, HttpExchange exchange) throws IOException {
        try {
            if (!ADD_CHECKPOINT.equals(exchange.getRequestURI().getRawPath()) || exchange.getRequestURI().getRawQuery() != null) {
                respond(exchange, 404, "text/plain; charset=utf-8", "this witness serves POST " + ADD_CHECKPOINT + " only\n");
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "POST");
                respond(exchange, 405, "text/plain; charset=utf-8", ADD_CHECKPOINT + " takes POST only\n");
                return;
            }
            byte[] body = readBounded(exchange);
            WitnessAnswer answer = body == null
                    ? new Refused(Refusal.TOO_LARGE, "the request is larger than " + AddCheckpointRequest.MAX_BYTES + " bytes")
                    : witness.addCheckpoint(body);
            if (answer instanceof Refused refused) {
                LOG.info(() -> "refused add-checkpoint (" + refused.httpStatus() + "): " + refused.message());
            }
            respond(exchange, answer.httpStatus(), answer.contentType(), answer.body());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "add-checkpoint failed; nothing was cosigned", e);
            try {
                respond(exchange, 500, "text/plain; charset=utf-8", "the witness failed; nothing was cosigned\n");
            } catch (IOException | RuntimeException ignored) {
                // The response had already begun; the client sees a broken connection.
            }
        } finally {
            exchange.close();
        }
    }

    /** The body, or null when it is longer than a request may be. */
    private static byte[] readBounded(HttpExchange exchange) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.trim()) > AddCheckpointRequest.MAX_BYTES) {
                    return null;
                }
            } catch (NumberFormatException e) {
                return null;
            }
        }
        InputStream in = exchange.getRequestBody();
        byte[] body = in.readNBytes(AddCheckpointRequest.MAX_BYTES + 1);
        return body.length > AddCheckpointRequest.MAX_BYTES ? null : body;
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        respond(exchange, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void respond(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
