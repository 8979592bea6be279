package org.caseledger.api.commands;

import java.nio.file.Files;
import java.nio.file.Path;
import org.caseledger.api.integrity.IntegrityProperties;
import org.caseledger.api.integrity.SigningKey;
import org.caseledger.api.privacy.MasterKey;
import org.caseledger.api.privacy.PrivacyProperties;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * {@code init-keys}: writes the ledger's key files where its configuration looks for them — the checkpoint signing key
 * ({@code ledger.integrity.signing-key-file}) and the master key ({@code ledger.privacy.master-key-file}) — each readable
 * by its owner only (0600), and prints the public key's fingerprint for the operator to record and publish. A file that
 * exists is never written over: the ledger's history is signed and its personal data wrapped with those keys.
 */
final class InitKeys implements LedgerCommands.Command {

    @Override
    public String summary() {
        return "write the signing key and the master key (0600) where missing, print the public key's fingerprint";
    }

    @Override
    public boolean printsData() {
        return false;
    }

    @Override
    public int run(LedgerCommands.Invocation invocation) throws Exception {
        Binder binder = Binder.get(invocation.environment());
        Path signing = binder.bindOrCreate("ledger.integrity", IntegrityProperties.class).signingKeyFile().toAbsolutePath();
        Path master = binder.bindOrCreate("ledger.privacy", PrivacyProperties.class).masterKeyFile().toAbsolutePath();
        SigningKey key;
        if (Files.exists(signing)) {
            key = SigningKey.read(signing);
            invocation.out().println("signing key  " + signing + "  exists, left as it is");
        } else {
            key = SigningKey.create(signing);
            invocation.out().println("signing key  " + signing + "  written (0600)");
        }
        if (Files.exists(master)) {
            invocation.out().println("master key   " + master + "  exists, left as it is");
        } else {
            MasterKey.create(master);
            invocation.out().println("master key   " + master + "  written (0600)");
        }
        invocation.out().println("public key   " + key.publicKeyFingerprint() + "  (key id " + key.keyId() + ")");
        invocation.out().println("Back both files up apart from the database. Every further node gets copies of these files, "
                + "never keys of its own.");
        return 0;
    }
}
