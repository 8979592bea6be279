package org.caseledger.api.privacy;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refuses to start when the oldest stored data key does not unwrap: with another master key (a second node whose key
 * file was not copied to it, a lost file replaced by a generated one), or without the key directory's key-encryption
 * keys, a node could read no one's personal data, and the keys it created could be read by no other node. Checked
 * while the application starts, before any request or event is handled.
 */
@Component
class MasterKeyCheck {

    MasterKeyCheck(JdbcClient jdbc, DataKeys keys, PrivacyProperties properties) {
        jdbc.sql("SELECT key_id FROM data_key WHERE wrapped_key IS NOT NULL ORDER BY created_at LIMIT 1")
                .query(UUID.class)
                .optional()
                .ifPresent(keyId -> {
                    try {
                        keys.key(keyId);
                    } catch (IllegalStateException e) {
                        throw new IllegalStateException("the data keys stored in the database do not unwrap with the master key in "
                                + properties.masterKeyFile().toAbsolutePath() + " and the key-encryption keys in "
                                + properties.keyDirectory().toAbsolutePath() + ": every node of a ledger needs the same master key "
                                + "file and key directory (ledger.privacy.master-key-file, ledger.privacy.key-directory)", e);
                    }
                });
    }
}
