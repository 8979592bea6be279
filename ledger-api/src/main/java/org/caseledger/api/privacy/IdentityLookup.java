package org.caseledger.api.privacy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.caseledger.api.access.AccessIndex;
import org.caseledger.core.integrity.HmacSha256;
import org.caseledger.core.person.PersonErased;
import org.caseledger.core.person.PersonRegistered;
import org.caseledger.core.person.PersonalIdentityNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Persons by identity number, without decrypting anyone: {@code identity_lookup} holds, per registered person, a keyed
 * digest of the number (HMAC-SHA256 under a key derived from the master key, which never enters the database). A
 * number is a small space, so a digest under a known key could be tried number by number; under this key, whoever
 * holds only the database cannot. The digest is written in the registering transaction and deleted with the erasure,
 * and the erasure's completion vacuums the table (docs/privacy.md, "Finding a person by identity number"). Its handlers
 * run with the access index's, in the appending transaction; a replay of the index gives them the numbers sealed, so
 * a replay leaves the digests as they are.
 */
@Component
@ProcessingGroup(AccessIndex.PROCESSING_GROUP)
public class IdentityLookup {

    private static final byte[] PURPOSE = "case-ledger/identity-lookup/1".getBytes(StandardCharsets.US_ASCII);

    private final JdbcClient jdbc;
    private final MasterKey master;

    IdentityLookup(JdbcClient jdbc, MasterKey master) {
        this.jdbc = jdbc;
        this.master = master;
    }

    @EventHandler
    void on(PersonRegistered event) {
        if (event.identityNumber() != null) {
            jdbc.sql("INSERT INTO identity_lookup (person_id, digest) VALUES (?, ?) ON CONFLICT (person_id) DO NOTHING")
                    .params(event.personId().value(), digest(event.identityNumber())).update();
        }
    }

    @EventHandler
    void on(PersonErased event) {
        jdbc.sql("DELETE FROM identity_lookup WHERE person_id = ?").param(event.personId().value()).update();
    }

    /** The persons registered with this number and not erased, in no order. */
    public List<UUID> find(PersonalIdentityNumber number) {
        return jdbc.sql("SELECT person_id FROM identity_lookup WHERE digest = ?").param(digest(number)).query(UUID.class).list();
    }

    private byte[] digest(PersonalIdentityNumber number) {
        return HmacSha256.of(HmacSha256.of(master.key().getEncoded(), PURPOSE), number.value().getBytes(StandardCharsets.US_ASCII));
    }
}
