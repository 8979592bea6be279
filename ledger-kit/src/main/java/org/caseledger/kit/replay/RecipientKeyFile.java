package org.caseledger.kit.replay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.caseledger.projections.personaldata.RecipientSeal;

/**
 * A recipient's private key as {@code keygen --recipient} writes it: one line, Base64 of the 32 bytes RFC 9180
 * serializes an X25519 private key as. It never leaves the recipient.
 */
public record RecipientKeyFile(byte[] privateKey) {

    public static RecipientKeyFile read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " is not a recipient's private key: not Base64");
        }
        if (key.length != 32) {
            throw new IOException(file + " is not a recipient's private key: not 32 bytes");
        }
        return new RecipientKeyFile(key);
    }

    public String text() {
        return Base64.getEncoder().encodeToString(privateKey) + "\n";
    }

    public String publicKey() {
        return Base64.getEncoder().encodeToString(RecipientSeal.publicKeyOf(privateKey));
    }

    public String keyId() {
        return RecipientSeal.keyId(RecipientSeal.publicKeyOf(privateKey));
    }
}
