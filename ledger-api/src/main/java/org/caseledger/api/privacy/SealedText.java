package org.caseledger.api.privacy;

import java.nio.charset.StandardCharsets;
import org.caseledger.core.shared.PersonalData;
import org.caseledger.projections.caseview.PersonalText;
import org.caseledger.projections.personaldata.StoredText;
import org.springframework.stereotype.Component;

/**
 * A personal field as the read models hold it: the event's stored ciphertext, unopened, with the associated data that
 * opens it ({@code pdr1:<event type>#<field>:<stored text>}). The event serializer hands the read-model processors
 * this form ({@link PersonalDataSerializer.Reading#SEALED}); it is opened here when a view is answered, and reads as
 * erased once its key is destroyed.
 */
@Component
class SealedText implements PersonalText {

    private static final String PREFIX = "pdr1:";

    private final DataKeys keys;

    SealedText(DataKeys keys) {
        this.keys = keys;
    }

    /** The read-model form of a stored field, kept with its context; the context names no colon. */
    static String of(String context, String stored) {
        return PREFIX + context + ":" + stored;
    }

    /** Whether the value is a field left sealed for a read model, not a text as written. */
    static boolean isSealed(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    @Override
    public String open(String value) {
        if (value == null || !value.startsWith(PREFIX)) {
            return value;
        }
        int end = value.indexOf(':', PREFIX.length());
        byte[] context = value.substring(PREFIX.length(), end).getBytes(StandardCharsets.UTF_8);
        StoredText stored = StoredText.parse(value.substring(end + 1));
        return keys.key(stored.keyId()).map(key -> stored.open(key, context)).orElse(PersonalData.ERASED);
    }
}
