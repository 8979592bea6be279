package org.caseledger.api.integrity;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param signingKeyFile         the Ed25519 key pair that signs checkpoints (PEM); generated on first start if absent
 * @param checkpointInterval     the longest an event waits to be sealed
 * @param checkpointEveryEvents  seal as soon as this many events are pending, without waiting for the interval
 * @param maxEventsPerCheckpoint the most events one checkpoint seals; more pending events make more checkpoints
 * @param checkpointMemoryFile   where this node remembers the newest checkpoint it signed or saw, outside the database
 */
@ConfigurationProperties("ledger.integrity")
public record IntegrityProperties(Path signingKeyFile, Duration checkpointInterval, int checkpointEveryEvents,
                                  int maxEventsPerCheckpoint, Path checkpointMemoryFile) {

    public IntegrityProperties {
        signingKeyFile = signingKeyFile == null ? Path.of("data", "signing-key.pem") : signingKeyFile;
        checkpointInterval = checkpointInterval == null ? Duration.ofSeconds(30) : checkpointInterval;
        checkpointEveryEvents = checkpointEveryEvents <= 0 ? 1_000 : checkpointEveryEvents;
        maxEventsPerCheckpoint = maxEventsPerCheckpoint <= 0 ? 10_000 : maxEventsPerCheckpoint;
        checkpointMemoryFile = checkpointMemoryFile == null ? Path.of("data", "checkpoint-memory") : checkpointMemoryFile;
    }
}
