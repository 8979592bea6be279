package org.caseledger.api.privacy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.caseledger.projections.personaldata.RecipientSeal;
import org.springframework.stereotype.Component;

/**
 * Seals a case file's data keys for the public key of the named recipient it is exported to, so that only they can read
 * its personal fields; a key already destroyed (an erased person's) is sealed for no one and stays gone. An unwrapped
 * key leaves this package only sealed.
 */
@Component
public class KeysForRecipient {

    /** The keys the file names: each one sealed, or listed as destroyed. */
    public record Sealed(List<SealedKey> keys, List<UUID> destroyed) {
    }

    public record SealedKey(UUID keyId, RecipientSeal.Sealed sealed) {
    }

    private final DataKeys keys;

    KeysForRecipient(DataKeys keys) {
        this.keys = keys;
    }

    public Sealed seal(String caseId, byte[] recipientPublicKey, Collection<UUID> keyIds) {
        List<SealedKey> sealed = new ArrayList<>();
        List<UUID> destroyed = new ArrayList<>();
        for (UUID keyId : keyIds) {
            Optional<SecretKey> key = keys.key(keyId);
            if (key.isPresent()) {
                sealed.add(new SealedKey(keyId, RecipientSeal.seal(recipientPublicKey, caseId, keyId, key.get())));
            } else {
                destroyed.add(keyId);
            }
        }
        return new Sealed(sealed, destroyed);
    }
}
