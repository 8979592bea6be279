package org.caseledger.api.integrity;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.caseledger.verify.note.VerifierKey;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param signingKeyFile         the Ed25519 key pair that signs checkpoints (PEM), made by {@code init-keys}; only the embedded
 *                               default generates it on first start
 * @param retiredKeyFiles        the key pairs the ledger signed with before, oldest first (PEM, as the signing key file):
 *                               they verify what they signed and authenticated; starting with a new signing key and the
 *                               current one here rotates the key (docs/integrity.md, "Key rotation")
 * @param checkpointInterval     the longest an event waits to be sealed
 * @param checkpointEveryEvents  seal as soon as this many events are pending, without waiting for the interval
 * @param maxEventsPerCheckpoint the most events one checkpoint seals; more pending events make more checkpoints
 * @param checkpointMemoryFile   where this node remembers the newest checkpoint it signed or saw, outside the database
 * @param logOrigin              the origin line of the ledger's C2SP checkpoints; by default {@code case-ledger/<ledger id>}
 * @param witnesses              the witnesses each checkpoint is submitted to (c2sp.org/tlog-witness)
 * @param witnessQuorum          how many of them must cosign a checkpoint for it to count as published
 */
@ConfigurationProperties("ledger.integrity")
public record IntegrityProperties(Path signingKeyFile, List<Path> retiredKeyFiles, Duration checkpointInterval, int checkpointEveryEvents,
                                  int maxEventsPerCheckpoint, Path checkpointMemoryFile, String logOrigin, List<Witness> witnesses,
                                  int witnessQuorum) {

    public IntegrityProperties {
        signingKeyFile = signingKeyFile == null ? Path.of("data", "signing-key.pem") : signingKeyFile;
        retiredKeyFiles = retiredKeyFiles == null ? List.of() : List.copyOf(retiredKeyFiles);
        checkpointInterval = checkpointInterval == null ? Duration.ofSeconds(30) : checkpointInterval;
        checkpointEveryEvents = checkpointEveryEvents <= 0 ? 1_000 : checkpointEveryEvents;
        maxEventsPerCheckpoint = maxEventsPerCheckpoint <= 0 ? 10_000 : maxEventsPerCheckpoint;
        checkpointMemoryFile = checkpointMemoryFile == null ? Path.of("data", "checkpoint-memory") : checkpointMemoryFile;
        logOrigin = logOrigin == null || logOrigin.isBlank() ? null : logOrigin;
        witnesses = witnesses == null ? List.of() : List.copyOf(witnesses);
        if (witnessQuorum < 0 || witnessQuorum > witnesses.size()) {
            throw new IllegalArgumentException("ledger.integrity.witness-quorum must be between 0 and the number of witnesses ("
                    + witnesses.size() + ")");
        }
    }

    /**
     * A witness: where it takes add-checkpoint requests, and its verifier key (c2sp.org/signed-note vkey, type 0x04).
     *
     * @param url  the witness's URL prefix; requests go to {@code <url>/add-checkpoint}
     * @param vkey the witness's cosignature verifier key
     */
    public record Witness(String url, String vkey) {

        public Witness {
            if (url == null || url.isBlank() || vkey == null || VerifierKey.parse(vkey).isEmpty()) {
                throw new IllegalArgumentException("a witness needs a url and a valid vkey, not " + url + " / " + vkey);
            }
        }

        public VerifierKey verifierKey() {
            return VerifierKey.parse(vkey).orElseThrow();
        }
    }
}
