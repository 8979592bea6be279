package org.caseledger.verify.witness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.caseledger.verify.note.Note;
import org.caseledger.verify.note.SignatureType;
import org.caseledger.verify.note.SignerKey;
import org.caseledger.verify.support.TestLog;
import org.caseledger.verify.witness.WitnessAnswer.Conflict;
import org.caseledger.verify.witness.WitnessAnswer.Cosigned;
import org.caseledger.verify.witness.WitnessAnswer.Refused;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The witness over HTTP in this JVM, spoken to by the log's client and by hand. */
class WitnessHttpTest {

    @TempDir
    Path directory;

    private final TestLog log = TestLog.of(10);
    private final Cosigner cosigner = new Cosigner(SignerKey.fromSeed("witness.example.se/w1", SignatureType.COSIGNATURE_V1, TestLog.seed(9)), Clock.systemUTC());
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private WitnessState state;
    private WitnessHttpServer server;
    private WitnessClient client;

    @BeforeEach
    void start() throws IOException {
        state = WitnessState.open(directory.resolve("state"));
        server = WitnessHttpServer.start(new Witness(cosigner, List.of(log.verifierKey()), state),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        client = new WitnessClient(base(), http, Duration.ofSeconds(10));
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
        state.close();
    }

    @Test
    void theLogsClientGetsACosignatureThenAConflictWithTheWitnessSize() throws Exception {
        WitnessAnswer first = client.addCheckpoint(log.request(0, 4));
        WitnessAnswer stale = client.addCheckpoint(log.request(0, 6));
        WitnessAnswer next = client.addCheckpoint(log.request(((Conflict) stale).latestSize(), 6));

        assertThat(first).isInstanceOf(Cosigned.class);
        assertThat(stale).isEqualTo(new Conflict(4));
        assertThat(next).isInstanceOf(Cosigned.class);
        Note cosigned = WitnessClient.attachCosignatures(log.signed(6), ((Cosigned) next).cosignatures(), new CosignatureVerifier(cosigner.verifierKey()));
        assertThat(cosigned.signatures()).hasSize(2);
    }

    @Test
    void refusalsArriveWithTheirStatus() throws Exception {
        client.addCheckpoint(log.request(0, 4));

        assertThat(client.addCheckpoint(log.fork().request(4, 8))).isInstanceOfSatisfying(Refused.class,
                refused -> assertThat(refused.httpStatus()).isEqualTo(422));
        assertThat(client.addCheckpoint(log.impostor().request(4, 8))).isInstanceOfSatisfying(Refused.class,
                refused -> assertThat(refused.httpStatus()).isEqualTo(403));
    }

    @Test
    void aConflictIsServedAsTextXTlogSize() throws Exception {
        client.addCheckpoint(log.request(0, 4));

        HttpResponse<String> response = post(log.request(0, 5).toBytes());

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.headers().firstValue("Content-Type")).contains("text/x.tlog.size");
        assertThat(response.body()).isEqualTo("4\n");
    }

    @Test
    void onlyPostToAddCheckpointIsServed() throws Exception {
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(base().resolve("/add-checkpoint")).GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> other = http.send(HttpRequest.newBuilder(base().resolve("/checkpoint"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(log.request(0, 4).toBytes())).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).contains("POST");
        assertThat(other.statusCode()).isEqualTo(404);
    }

    @Test
    void aBodyLargerThanTheLimitIsRefused413WithoutBeingRead() throws Exception {
        byte[] huge = new byte[AddCheckpointRequest.MAX_BYTES + 1];
        Arrays.fill(huge, (byte) 'a');

        String declared = rawExchange("POST /add-checkpoint HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 999999999\r\n\r\n");
        HttpResponse<String> streamed = http.send(HttpRequest.newBuilder(base().resolve("/add-checkpoint"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new InputStreamOf(huge))).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(declared).startsWith("HTTP/1.1 413 ");
        assertThat(streamed.statusCode()).isEqualTo(413);
        assertThat(client.addCheckpoint(log.request(0, 4))).isInstanceOf(Cosigned.class);
    }

    @Test
    void aMalformedBodyIsRefused400() throws Exception {
        assertThat(post("old 0\n\nnot a note".getBytes()).statusCode()).isEqualTo(400);
    }

    /** Sends the request head alone and reads the status line: an answer that comes without the body was read. */
    private String rawExchange(String head) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.address().getPort())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            StringBuilder line = new StringBuilder();
            for (int c = socket.getInputStream().read(); c >= 0 && c != '\n'; c = socket.getInputStream().read()) {
                line.append((char) c);
            }
            return line.toString().strip();
        }
    }

    private HttpResponse<String> post(byte[] body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base().resolve("/add-checkpoint")).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + server.address().getPort());
    }

    /** A body of unknown length, so that it goes out chunked, without a Content-Length to refuse it by. */
    private static final class InputStreamOf extends InputStream {

        private final byte[] bytes;
        private int position;

        InputStreamOf(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read() {
            return position < bytes.length ? bytes[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position >= bytes.length) {
                return -1;
            }
            int n = Math.min(length, bytes.length - position);
            System.arraycopy(bytes, position, buffer, offset, n);
            position += n;
            return n;
        }
    }
}
