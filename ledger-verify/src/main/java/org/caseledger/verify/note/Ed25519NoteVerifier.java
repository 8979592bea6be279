package org.caseledger.verify.note;

import org.caseledger.verify.primitives.Ed25519;

/** Checks Ed25519 note signatures (type 0x01): a plain RFC 8032 signature over the note text. */
public final class Ed25519NoteVerifier implements NoteVerifier {

    private final VerifierKey key;

    public Ed25519NoteVerifier(VerifierKey key) {
        if (key.type() != SignatureType.ED25519) {
            throw new IllegalArgumentException("not an Ed25519 note key (type 0x01): " + key);
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
        return Ed25519.verify(key.publicKey(), text, signature);
    }
}
