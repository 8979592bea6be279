package org.caseledger.verify.note;

/** A key that signs note texts: the key name and key ID to write, and the signature bytes that follow the key ID. */
public interface NoteSigner {

    String keyName();

    int keyId();

    byte[] sign(byte[] text);
}
