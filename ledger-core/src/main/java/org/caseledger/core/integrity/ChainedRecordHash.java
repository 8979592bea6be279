package org.caseledger.core.integrity;

import org.caseledger.verify.primitives.Sha256;
import java.util.LinkedHashMap;
import java.util.Map;
import org.caseledger.verify.event.CanonicalFields;

/**
 * The hash of one record in a hash chain other than the event ledger's (the read-access log): SHA-256 over a
 * header naming the kind of record, the previous record's hash, and the named fields in their given order,
 * written as in {@link CanonicalFields}. Any change to a field, the order or the chain changes the hash.
 */
public final class ChainedRecordHash {

    private ChainedRecordHash() {
    }

    public static byte[] of(String kind, byte[] previousHash, LinkedHashMap<String, String> fields) {
        CanonicalFields canonical = new CanonicalFields(kind).field("previousHash", Sha256.hex(previousHash));
        for (Map.Entry<String, String> field : fields.entrySet()) {
            canonical.field(field.getKey(), field.getValue());
        }
        return Sha256.of(canonical.bytes());
    }
}
