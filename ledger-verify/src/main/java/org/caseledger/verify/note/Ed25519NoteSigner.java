package org.caseledger.verify.note;

import org.caseledger.verify.primitives.Ed25519;

/** Signs note texts with an Ed25519 key of type 0x01. */
public final class Ed25519NoteSigner implements NoteSigner {

    private final SignerKey key;

    public Ed25519NoteSigner(SignerKey key) {
        if (key.type() != SignatureType.ED25519) {
            throw new IllegalArgumentException("not an Ed25519 note key (type 0x01): " + key);
        }
        this.key = key;
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
    public byte[] sign(byte[] text) {
        return Ed25519.sign(key.seed(), text);
    }
}
