package org.caseledger.verify.witness;

import java.util.Arrays;
import java.util.Optional;
import org.caseledger.verify.note.NoteVerifier;
import org.caseledger.verify.note.SignatureType;
import org.caseledger.verify.note.VerifierKey;
import org.caseledger.verify.primitives.Ed25519;

/** Checks cosignature/v1 signatures (type 0x04) of one cosigner over a checkpoint's note text. */
public final class CosignatureVerifier implements NoteVerifier {

    private final VerifierKey key;

    public CosignatureVerifier(VerifierKey key) {
        if (key.type() != SignatureType.COSIGNATURE_V1) {
            throw new IllegalArgumentException("not a cosigner key (type 0x04): " + key);
        }
        this.key = key;
    }

    public VerifierKey key() {
        return key;
    }

    @Override
    public String keyName() {
        return key.name();
    }

    @Override
    public int keyId() {
        return key.keyId();
    }

    @Override
    public boolean verify(byte[] text, byte[] signature) {
        Optional<Long> timestamp = CosignatureV1.timestamp(signature);
        return timestamp.isPresent() && Ed25519.verify(key.publicKey(),
                CosignatureV1.signedMessage(timestamp.get(), text), Arrays.copyOfRange(signature, 8, signature.length));
    }
}
