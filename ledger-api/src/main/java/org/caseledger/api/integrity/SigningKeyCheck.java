package org.caseledger.api.integrity;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refuses to start when the newest checkpoint was signed with a key that is not one of the ledger's keys (the current
 * one or one it rotated from, {@link LedgerKeys}). A node with another signing key (a second node whose key file was
 * not copied to it, a lost file replaced by a generated one) would seal checkpoints that fail verification, and the
 * ledger keeps every checkpoint it has sealed. Checked while the application starts, before the sealer runs.
 */
@Component
class SigningKeyCheck {

    SigningKeyCheck(JdbcClient jdbc, LedgerKeys keys, IntegrityProperties properties) {
        jdbc.sql("SELECT key_id FROM ledger_checkpoint ORDER BY number DESC LIMIT 1").query(String.class).optional()
                .filter(sealedWith -> keys.byKeyId(sealedWith).isEmpty())
                .ifPresent(sealedWith -> {
                    throw new IllegalStateException("the checkpoints are signed with key " + sealedWith + ", but the signing key in "
                            + properties.signingKeyFile().toAbsolutePath() + " is " + keys.current().keyId() + ": every node of a "
                            + "ledger needs the same signing key file (ledger.integrity.signing-key-file)");
                });
    }
}
