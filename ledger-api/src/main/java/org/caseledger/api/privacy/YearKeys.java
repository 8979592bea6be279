package org.caseledger.api.privacy;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.caseledger.core.shared.LedgerTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keys of a purpose and a calendar year (table {@code year_key}), for texts that must outlive the key of the person
 * they may name, for a bounded time: they are destroyed on the first day after {@code ledger.privacy.year-key-years}
 * full years have passed since their year ended, by {@link #destroyExpired} (the retention run calls it).
 */
@Component
public class YearKeys {

    /** What a year's key encrypts. */
    public enum Purpose {
        ERASURE_NOTES("erasure-notes"), ACCESS_LOG_PURPOSES("access-log-purposes");

        final String label;

        Purpose(String label) {
            this.label = label;
        }
    }

    private final JdbcClient jdbc;
    private final DataKeys keys;
    private final PrivacyProperties properties;
    private final Clock clock;
    /** A year's key is created in a transaction of its own: what it encrypts may commit while the caller's rolls back. */
    private final TransactionTemplate ownTransaction;

    YearKeys(JdbcClient jdbc, DataKeys keys, PrivacyProperties properties, Clock clock,
             PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    /** The key id of a purpose's year: the same on every node, so that it needs no look-up to be named. */
    static UUID idOf(Purpose purpose, int year) {
        return UUID.nameUUIDFromBytes(("case-ledger/year-key/" + purpose.label + "/" + year).getBytes(StandardCharsets.UTF_8));
    }

    /** The day from which a year's key is destroyed. */
    LocalDate destroyFrom(int year) {
        return LocalDate.of(year + 1, 1, 1).plusYears(properties.yearKeyYears());
    }

    /** The key of the purpose for the year of the instant, created if there is none yet; with its id. Empty once destroyed. */
    Keyed key(Purpose purpose, Instant at) {
        int year = LedgerTime.dayOf(at).getYear();
        UUID keyId = idOf(purpose, year);
        if (!keys.known(keyId)) {
            ownTransaction.executeWithoutResult(status -> create(purpose, year, keyId));
        }
        return new Keyed(keyId, keys.key(keyId).orElse(null));
    }

    private void create(Purpose purpose, int year, UUID keyId) {
        keys.ensure(keyId, keyId);
        jdbc.sql("INSERT INTO year_key (key_id, purpose, year, destroy_from) VALUES (?, ?, ?, ?) ON CONFLICT (key_id) DO NOTHING")
                .params(keyId, purpose.label, year, Date.valueOf(destroyFrom(year)))
                .update();
    }

    /** A key and its id; the key is null once destroyed. */
    record Keyed(UUID keyId, SecretKey key) {
    }

    /** Destroys every year's key whose day has come; answers the ids destroyed. */
    public List<UUID> destroyExpired() {
        List<UUID> expired = jdbc.sql("SELECT key_id FROM year_key WHERE destroy_from <= ?")
                .param(Date.valueOf(LedgerTime.dayOf(clock.instant()))).query(UUID.class).list();
        return expired.stream().flatMap(keyId -> keys.destroyOwnedBy(keyId).stream()).toList();
    }
}
