package org.caseledger.api.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.caseledger.api.access.AccessIndex;
import org.caseledger.api.streams.EventHistory;
import org.caseledger.core.integrity.HmacSha256;
import org.caseledger.core.person.IdentityNumberCorrected;
import org.caseledger.core.person.NameCorrected;
import org.caseledger.core.person.PersonErased;
import org.caseledger.core.person.PersonRegistered;
import org.caseledger.core.person.PersonalIdentityNumber;
import org.caseledger.core.shared.LedgerEvent;
import org.caseledger.core.shared.PersonId;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Persons by identity number or by name, without decrypting anyone. {@code identity_lookup} holds, per registered
 * person, a keyed digest of the number, and {@code name_lookup} one of each word of the name (HMAC-SHA256 under keys
 * derived from the master key, which never enters the database). A number or a first name is a small space, so a
 * digest under a known key could be tried value by value; under these keys, whoever holds only the database cannot.
 * The digests are written in the registering transaction and deleted with the erasure, and the erasure's completion
 * vacuums both tables (docs/privacy.md, "Finding a person"). The handlers run with the access index's, in the
 * appending transaction; a replay of the index gives them the personal data sealed, so a replay leaves the digests as
 * they are, and persons registered before a table existed are added once the node is ready.
 */
@Component
@ProcessingGroup(AccessIndex.PROCESSING_GROUP)
public class IdentityLookup {

    private static final byte[] NUMBER_PURPOSE = "case-ledger/identity-lookup/1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NAME_PURPOSE = "case-ledger/name-lookup/1".getBytes(StandardCharsets.US_ASCII);

    private final JdbcClient jdbc;
    private final MasterKey master;
    private final EventHistory history;

    IdentityLookup(JdbcClient jdbc, MasterKey master, EventHistory history) {
        this.jdbc = jdbc;
        this.master = master;
        this.history = history;
    }

    @EventHandler
    void on(PersonRegistered event) {
        if (event.identityNumber() != null) {
            jdbc.sql("INSERT INTO identity_lookup (person_id, digest) VALUES (?, ?) ON CONFLICT (person_id) DO NOTHING")
                    .params(event.personId().value(), digest(NUMBER_PURPOSE, event.identityNumber().value())).update();
        }
        if (event.name() != null && !SealedText.isSealed(event.name())) {
            addWords(event.personId().value(), event.name());
        }
    }

    private void addWords(UUID person, String name) {
        for (String word : words(name)) {
            jdbc.sql("INSERT INTO name_lookup (person_id, digest) VALUES (?, ?) ON CONFLICT DO NOTHING")
                    .params(person, digest(NAME_PURPOSE, word)).update();
        }
    }

    /** A corrected number replaces the digest; a replay, which is given the number sealed (null), leaves it. */
    @EventHandler
    void on(IdentityNumberCorrected event) {
        if (event.identityNumber() != null) {
            // deleted and written anew: the application's role may not update a digest (V20)
            jdbc.sql("DELETE FROM identity_lookup WHERE person_id = ?").param(event.personId().value()).update();
            jdbc.sql("INSERT INTO identity_lookup (person_id, digest) VALUES (?, ?)")
                    .params(event.personId().value(), digest(NUMBER_PURPOSE, event.identityNumber().value())).update();
        }
    }

    /** A corrected name replaces the words; a replay, which is given the name sealed, leaves them. */
    @EventHandler
    void on(NameCorrected event) {
        if (event.name() != null && !SealedText.isSealed(event.name())) {
            jdbc.sql("DELETE FROM name_lookup WHERE person_id = ?").param(event.personId().value()).update();
            addWords(event.personId().value(), event.name());
        }
    }

    @EventHandler
    void on(PersonErased event) {
        jdbc.sql("DELETE FROM identity_lookup WHERE person_id = ?").param(event.personId().value()).update();
        jdbc.sql("DELETE FROM name_lookup WHERE person_id = ?").param(event.personId().value()).update();
    }

    /**
     * Adds the persons registered before the name's table existed: each person not erased who has no word in it is read
     * once, decrypted, and given their digests. A person whose key is gone is erased and skipped.
     */
    @EventListener(ApplicationReadyEvent.class)
    void addPersonsRegisteredBefore() {
        List<UUID> missing = jdbc.sql("SELECT p.person_id FROM person_access p WHERE NOT p.erased "
                + "AND NOT EXISTS (SELECT 1 FROM name_lookup n WHERE n.person_id = p.person_id)").query(UUID.class).list();
        for (UUID person : missing) {
            for (LedgerEvent event : history.events(person)) {
                if (event instanceof PersonRegistered registered) {
                    on(registered);
                } else if (event instanceof NameCorrected corrected) {
                    on(corrected);
                } else if (event instanceof IdentityNumberCorrected corrected) {
                    on(corrected);
                }
            }
        }
    }

    /**
     * Refuses a number registered to a person not erased: one person, one number, so that a child's history is never
     * split across records. Call it in the registering transaction: it holds a lock on the number's digest until the
     * transaction ends, so two registrations of one number at once are decided one after the other.
     */
    public void requireUnregistered(PersonalIdentityNumber number) {
        requireUnregistered(number, null);
    }

    /** As {@link #requireUnregistered(PersonalIdentityNumber)}, except that the number may be this person's own. */
    public void requireUnregistered(PersonalIdentityNumber number, PersonId self) {
        byte[] digest = digest(NUMBER_PURPOSE, number.value());
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(ByteBuffer.wrap(digest).getLong()).query().singleRow();
        List<UUID> registered = jdbc.sql("SELECT person_id FROM identity_lookup WHERE digest = ?").param(digest).query(UUID.class).list();
        registered.stream().filter(person -> self == null || !person.equals(self.value())).findFirst().ifPresent(other -> {
            throw new PersonAlreadyRegisteredException(PersonId.of(other.toString()));
        });
    }

    /** The persons registered with this number and not erased, in no order. */
    public List<UUID> find(PersonalIdentityNumber number) {
        return jdbc.sql("SELECT person_id FROM identity_lookup WHERE digest = ?").param(digest(NUMBER_PURPOSE, number.value()))
                .query(UUID.class).list();
    }

    /**
     * The persons not erased whose name has every word of {@code name}, in any order and either case ("lind alva" finds
     * Alva Lind); none when {@code name} has no word.
     */
    public List<UUID> findByName(String name) {
        Set<String> words = words(name);
        if (words.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>();
        words.forEach(word -> params.add(digest(NAME_PURPOSE, word)));
        params.add(words.size());
        String anyOf = String.join(", ", Collections.nCopies(words.size(), "?"));
        return jdbc.sql("SELECT person_id FROM name_lookup WHERE digest IN (" + anyOf + ") GROUP BY person_id HAVING count(*) = ?")
                .params(params).query(UUID.class).list();
    }

    /** The words of a name as they are compared: letters and digits, in one Unicode form and lower case. */
    static Set<String> words(String name) {
        String normalised = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return Arrays.stream(normalised.split("[^\\p{L}\\p{M}\\p{N}]+")).filter(word -> !word.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private byte[] digest(byte[] purpose, String value) {
        return HmacSha256.of(HmacSha256.of(master.key().getEncoded(), purpose), value.getBytes(StandardCharsets.UTF_8));
    }
}
