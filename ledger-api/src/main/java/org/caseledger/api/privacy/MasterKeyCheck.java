package org.caseledger.api.privacy;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refuses to start when the master key does not unwrap the data keys already stored. A node started with another
 * master key (a second node whose key file was not copied to it, a lost file replaced by a generated one) could read
 * no one's personal data, and the keys it created could be read by no other node. Checked while the application
 * starts, before any request or event is handled.
 */
@Component
class MasterKeyCheck {

    private record Stored(UUID keyId, byte[] wrapped) {
    }

    MasterKeyCheck(JdbcClient jdbc, MasterKey master, PrivacyProperties properties) {
        jdbc.sql("SELECT key_id, wrapped_key FROM data_key WHERE wrapped_key IS NOT NULL ORDER BY created_at LIMIT 1")
                .query((rs, row) -> new Stored(rs.getObject(1, UUID.class), rs.getBytes(2)))
                .optional()
                .ifPresent(stored -> {
                    try {
                        master.unwrap(stored.keyId(), stored.wrapped());
                    } catch (IllegalStateException e) {
                        throw new IllegalStateException("the master key in " + properties.masterKeyFile().toAbsolutePath()
                                + " does not unwrap the data keys stored in the database: every node of a ledger needs the "
                                + "same master key file (ledger.privacy.master-key-file)", e);
                    }
                });
    }
}
