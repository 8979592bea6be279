package org.caseledger.api.integrity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.UUID;
import org.caseledger.core.integrity.EventAuthenticator;
import org.caseledger.core.integrity.HmacSha256;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which stored events must carry an authenticator, and whether one does, with the key derived from the signing key
 * (never stored). The ledger's identity row, written once by the first node to meet the ledger after migration V12
 * and authenticated under the same key, names the ledger and the first global position from which every event must
 * carry a valid authenticator; events appended before authenticators existed lie below it.
 * <p>
 * A node refuses to start on an identity row whose MAC does not hold, or on a missing row while authenticated events
 * exist: writing a new one then would move the epoch past forged rows.
 */
@Component
public class EventAuthentication {

    /** The ledger's identity as recorded. */
    public record Identity(UUID ledgerId, long authenticatedFrom) {
    }

    private final byte[] key;
    private final JdbcClient jdbc;
    private volatile Identity identity;

    public EventAuthentication(SigningKey signingKey, JdbcClient jdbc) {
        this.key = signingKey.derivedKey(EventAuthenticator.KEY_PURPOSE);
        this.jdbc = jdbc;
    }

    /**
     * The authenticator the appender stores with an event of this hash. The ledger's identity is recorded before the
     * first authenticated event, in the same transaction.
     */
    public byte[] authenticatorOf(byte[] eventHash) {
        identity();
        return EventAuthenticator.of(key, eventHash);
    }

    /** Whether the row at this global position, with this stored hash, was appended by the ledger. */
    public boolean isAuthentic(long globalIndex, byte[] storedHash, byte[] authenticator) {
        boolean appendedBeforeAuthenticators = globalIndex >= 1 && globalIndex < identity().authenticatedFrom();
        return appendedBeforeAuthenticators || EventAuthenticator.matches(key, storedHash, authenticator);
    }

    public Identity identity() {
        Identity known = identity;
        if (known == null) {
            known = readOrRecordIdentity();
            identity = known;
        }
        return known;
    }

    private synchronized Identity readOrRecordIdentity() {
        if (identity != null) {
            return identity;
        }
        if (!recorded()) {
            boolean authenticatedRows = jdbc.sql("SELECT EXISTS (SELECT 1 FROM domain_event_entry WHERE authenticator IS NOT NULL)")
                    .query(Boolean.class).single();
            if (authenticatedRows) {
                throw new IllegalStateException("the ledger's identity row (ledger_identity) is missing although events carry "
                        + "authenticators: it was removed; refusing to record a new one");
            }
            long next = jdbc.sql("SELECT coalesce(max(global_index), 0) + 1 FROM domain_event_entry").query(Long.class).single();
            UUID ledgerId = UUID.randomUUID();
            jdbc.sql("INSERT INTO ledger_identity (id, ledger_id, authenticated_from, mac) VALUES (1, ?, ?, ?) ON CONFLICT (id) DO NOTHING")
                    .params(ledgerId, next, mac(new Identity(ledgerId, next))).update();
        }
        record Row(Identity identity, byte[] mac) {
        }
        Row row = jdbc.sql("SELECT ledger_id, authenticated_from, mac FROM ledger_identity WHERE id = 1")
                .query((rs, n) -> new Row(new Identity(rs.getObject(1, UUID.class), rs.getLong(2)), rs.getBytes(3))).single();
        if (!MessageDigest.isEqual(mac(row.identity()), row.mac())) {
            throw new IllegalStateException("the ledger's identity row (ledger_identity) was not written with this ledger's key: "
                    + "refusing to trust events without authenticators");
        }
        return row.identity();
    }

    private boolean recorded() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM ledger_identity WHERE id = 1)").query(Boolean.class).single();
    }

    private byte[] mac(Identity identity) {
        return HmacSha256.of(key, ("case-ledger/ledger-identity/1\nledger-id=" + identity.ledgerId() + "\nauthenticated-from="
                + identity.authenticatedFrom() + "\n").getBytes(StandardCharsets.US_ASCII));
    }
}
