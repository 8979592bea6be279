package org.caseledger.verify.witness;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.caseledger.verify.note.NoteSignature;
import org.caseledger.verify.note.NoteSigner;
import org.caseledger.verify.note.SignatureType;
import org.caseledger.verify.note.SignerKey;
import org.caseledger.verify.note.VerifierKey;
import org.caseledger.verify.primitives.Ed25519;
import org.caseledger.verify.tlog.Checkpoint;

/**
 * Makes cosignature/v1 signatures with a witness key, timestamped by its clock. The key may be written with type 0x04
 * or, as other tools accept too, as a note key of type 0x01; either way it cosigns under type 0x04, whose key ID
 * differs from the note key's.
 */
public final class Cosigner implements NoteSigner {

    private final SignerKey key;
    private final Clock clock;

    public Cosigner(SignerKey key, Clock clock) {
        if (key.type() != SignatureType.COSIGNATURE_V1 && key.type() != SignatureType.ED25519) {
            throw new IllegalArgumentException("not an Ed25519 key: " + key);
        }
        this.key = key.withType(SignatureType.COSIGNATURE_V1);
        this.clock = clock;
    }

    /** The vkey (type 0x04) a trust policy lists for this cosigner. */
    public VerifierKey verifierKey() {
        return key.verifierKey();
    }

    @Override
    public String keyName() {
        return key.name();
    }

    @Override
    public int keyId() {
        return key.verifierKey().keyId();
    }

    @Override
    public byte[] sign(byte[] checkpointText) {
        long timestamp = clock.instant().getEpochSecond();
        if (timestamp <= 0) {
            throw new IllegalStateException("the clock reads " + clock.instant() + ": a cosignature carries a time after 1970");
        }
        byte[] signature = Ed25519.sign(key.seed(), CosignatureV1.signedMessage(timestamp, checkpointText));
        return ByteBuffer.allocate(CosignatureV1.SIGNATURE_LENGTH).putLong(timestamp).put(signature).array();
    }

    public NoteSignature cosign(Checkpoint checkpoint) {
        return new NoteSignature(keyName(), keyId(), sign(checkpoint.format().getBytes(StandardCharsets.UTF_8)));
    }
}
