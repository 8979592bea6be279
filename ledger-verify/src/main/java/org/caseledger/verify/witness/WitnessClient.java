package org.caseledger.verify.witness;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.caseledger.verify.note.MalformedNoteException;
import org.caseledger.verify.note.Note;
import org.caseledger.verify.note.NoteSignature;
import org.caseledger.verify.note.NoteVerificationException;
import org.caseledger.verify.note.NoteVerifiers;
import org.caseledger.verify.note.VerifiedNote;
import org.caseledger.verify.primitives.Decimal;
import org.caseledger.verify.primitives.StrictUtf8;

/**
 * The log's side of c2sp.org/tlog-witness: sends an add-checkpoint request to one witness and reads its answer into a
 * {@link WitnessAnswer}. A 409 carries the witness's size, from which the log sends a new proof; a 200 carries
 * cosignatures, which {@link #attachCosignatures} checks against the witness's key before they join the checkpoint.
 */
public final class WitnessClient {

    private static final int MAX_RESPONSE_BYTES = Note.MAX_BYTES;

    private final URI addCheckpoint;
    private final HttpClient http;
    private final Duration timeout;

    /** {@code submissionPrefix} is the witness's URL prefix; the request goes to {@code <prefix>/add-checkpoint}. */
    public WitnessClient(URI submissionPrefix, HttpClient http, Duration timeout) {
        String prefix = submissionPrefix.toString();
        this.addCheckpoint = URI.create((prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix)
                + WitnessHttpServer.ADD_CHECKPOINT);
        this.http = http;
        this.timeout = timeout;
    }

    public WitnessAnswer addCheckpoint(AddCheckpointRequest request) throws IOException, InterruptedException {
        HttpRequest httpRequest = HttpRequest.newBuilder(addCheckpoint)
                .timeout(timeout)
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.toBytes()))
                .build();
        HttpResponse<InputStream> response = http.send(httpRequest, HttpResponse.BodyHandlers.ofInputStream());
        byte[] body;
        try (InputStream in = response.body()) {
            body = in.readNBytes(MAX_RESPONSE_BYTES + 1);
        }
        if (body.length > MAX_RESPONSE_BYTES) {
            throw new IOException("the witness answered more than " + MAX_RESPONSE_BYTES + " bytes");
        }
        return answer(response.statusCode(), response.headers().firstValue("Content-Type"), body);
    }

    /** Reads a witness's HTTP answer; what does not follow the protocol is an {@link IOException}. */
    static WitnessAnswer answer(int status, Optional<String> contentType, byte[] body) throws IOException {
        String text = StrictUtf8.decode(body).orElseThrow(() -> new IOException("the witness answered bytes that are not UTF-8"));
        switch (status) {
            case 200:
                try {
                    return new WitnessAnswer.Cosigned(Note.parseSignatureLines(text));
                } catch (MalformedNoteException e) {
                    throw new IOException("the witness answered 200 without cosignature lines: " + e.getMessage(), e);
                }
            case 409:
                OptionalLong size = text.endsWith("\n") ? Decimal.parse(text.substring(0, text.length() - 1)) : OptionalLong.empty();
                if (size.isEmpty() || !contentType.map(type -> type.startsWith(WitnessAnswer.Conflict.CONTENT_TYPE)).orElse(false)) {
                    throw new IOException("the witness answered 409 without its size as " + WitnessAnswer.Conflict.CONTENT_TYPE);
                }
                return new WitnessAnswer.Conflict(size.getAsLong());
            default:
                for (WitnessAnswer.Refusal refusal : WitnessAnswer.Refusal.values()) {
                    if (refusal.httpStatus() == status) {
                        return new WitnessAnswer.Refused(refusal, text.strip());
                    }
                }
                throw new IOException("the witness answered " + status + ": " + text.strip());
        }
    }

    /**
     * The checkpoint with the witness's cosignatures added, after checking them: cosignatures of other keys are
     * dropped, and one of the witness's key that does not hold is refused.
     */
    public static Note attachCosignatures(Note checkpoint, List<NoteSignature> cosignatures, CosignatureVerifier witness)
            throws NoteVerificationException {
        VerifiedNote verified = new NoteVerifiers(List.of(witness)).open(Note.of(checkpoint.text(), cosignatures));
        return checkpoint.withSignatures(verified.verified().stream().map(VerifiedNote.Verified::signature).toList());
    }
}
