package org.caseledger.api.privacy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.caseledger.api.access.StatedPurposes;
import org.caseledger.core.shared.PersonalData;
import org.caseledger.projections.personaldata.StoredText;
import org.springframework.stereotype.Component;

/**
 * The purposes stated in {@code X-Purpose}, encrypted like personal data in the events ({@code pd1:<key id>:…}): under
 * the key of the case read, so that the purpose is erased with the case file; else of the person read; else (a read that
 * touched no one case or person, or one whose key is already destroyed or was never created) under the year's key of
 * the access log's purposes. A purpose naming a child is so never readable longer than the child's data, or the year's.
 */
@Component
class EncryptedStatedPurposes implements StatedPurposes {

    private static final byte[] CONTEXT = "access_log#purpose".getBytes(StandardCharsets.UTF_8);

    private final DataKeys keys;
    private final YearKeys yearKeys;
    private final Clock clock;

    EncryptedStatedPurposes(DataKeys keys, YearKeys yearKeys, Clock clock) {
        this.keys = keys;
        this.yearKeys = yearKeys;
        this.clock = clock;
    }

    @Override
    public String seal(UUID caseId, UUID personId, String purpose) {
        if (purpose == null) {
            return null;
        }
        UUID keyId = null;
        SecretKey key = null;
        for (UUID candidate : new UUID[] {caseId, personId}) {
            Optional<SecretKey> existing = candidate == null ? Optional.empty() : keys.existing(candidate);
            if (existing.isPresent()) {
                keyId = candidate;
                key = existing.get();
                break;
            }
        }
        if (key == null) {
            YearKeys.Keyed year = yearKeys.key(YearKeys.Purpose.ACCESS_LOG_PURPOSES, clock.instant());
            if (year.key() == null) {
                throw new PersonalDataErasedException(year.keyId());
            }
            keyId = year.keyId();
            key = year.key();
        }
        return StoredText.seal(keyId, key, purpose, CONTEXT).toString();
    }

    @Override
    public String open(String stored) {
        if (!StoredText.isStored(stored)) {
            return stored;
        }
        StoredText text = StoredText.parse(stored);
        return keys.existing(text.keyId()).map(key -> text.open(key, CONTEXT)).orElse(PersonalData.ERASED);
    }
}
