package org.caseledger.verify.witness;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.caseledger.verify.note.NoteSignature;

/** What a witness answers to add-checkpoint, with the HTTP status and body c2sp.org/tlog-witness gives each answer. */
public sealed interface WitnessAnswer {

    int httpStatus();

    String contentType();

    byte[] body();

    /** 200: the checkpoint is consistent with everything the witness saw of the log, and it cosigned it. */
    record Cosigned(List<NoteSignature> cosignatures) implements WitnessAnswer {

        public Cosigned {
            cosignatures = List.copyOf(cosignatures);
            if (cosignatures.isEmpty()) {
                throw new IllegalArgumentException("a witness that cosigns returns at least one cosignature");
            }
        }

        @Override
        public int httpStatus() {
            return 200;
        }

        @Override
        public String contentType() {
            return "text/plain; charset=utf-8";
        }

        @Override
        public byte[] body() {
            StringBuilder body = new StringBuilder();
            cosignatures.forEach(cosignature -> body.append(cosignature.line()));
            return body.toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    /** 409: the request's old size is not the size of the latest checkpoint the witness cosigned for the log. */
    record Conflict(long latestSize) implements WitnessAnswer {

        public static final String CONTENT_TYPE = "text/x.tlog.size";

        @Override
        public int httpStatus() {
            return 409;
        }

        @Override
        public String contentType() {
            return CONTENT_TYPE;
        }

        @Override
        public byte[] body() {
            return (latestSize + "\n").getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** Any other refusal: nothing was cosigned and the witness's record of the log is unchanged. */
    record Refused(Refusal refusal, String message) implements WitnessAnswer {

        @Override
        public int httpStatus() {
            return refusal.httpStatus();
        }

        @Override
        public String contentType() {
            return "text/plain; charset=utf-8";
        }

        @Override
        public byte[] body() {
            return (message + "\n").getBytes(StandardCharsets.UTF_8);
        }
    }

    /** The kinds of refusal, each with the status the protocol gives it. */
    enum Refusal {
        /** 400: the request is malformed, or its old size exceeds the checkpoint's size. */
        MALFORMED(400),
        /** 403: no signature of the log's key holds on the checkpoint, or one that claims to be the log's fails. */
        NOT_SIGNED_BY_LOG(403),
        /** 404: the witness knows no log of the checkpoint's origin. */
        UNKNOWN_LOG(404),
        /** 413: the request is larger than the witness reads. */
        TOO_LARGE(413),
        /** 422: the checkpoint is not proven to extend the latest one the witness cosigned. */
        NOT_CONSISTENT(422);

        private final int httpStatus;

        Refusal(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        public int httpStatus() {
            return httpStatus;
        }
    }
}
