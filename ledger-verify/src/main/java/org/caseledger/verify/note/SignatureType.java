package org.caseledger.verify.note;

/** The signature type bytes of c2sp.org/signed-note that this kit speaks. */
public final class SignatureType {

    /** Ed25519 over the note text. */
    public static final byte ED25519 = 0x01;
    /** Timestamped Ed25519 checkpoint cosignatures, c2sp.org/tlog-cosignature. */
    public static final byte COSIGNATURE_V1 = 0x04;

    private SignatureType() {
    }

    static boolean isKnown(byte type) {
        return type == ED25519 || type == COSIGNATURE_V1;
    }
}
