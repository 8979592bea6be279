package org.caseledger.api.privacy;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param masterKeyFile the AES-256 key (base64) that wraps every data key, made by {@code init-keys}; only the embedded
 *                      default generates it on first start.
 *                      Keep it apart from database backups: with both, nothing erased stays erased.
 * @param keyDirectory  where the key-encryption keys are kept, one file per epoch, encrypted under the master key; shared
 *                      by every node of a ledger; by default the directory {@code keys} beside the master key file
 * @param keyCacheTime  how long a node keeps an unwrapped data key (or key-encryption key) in memory; another node
 *                      forgets an erased person's key at most this long after the erasure
 * @param yearKeyYears  how many full years after its year a year's key (erasure notes, stated purposes of reads not
 *                      kept under a case's or person's key) is destroyed; 2 by default, the time within which the
 *                      Parliamentary Ombudsmen take up a complaint (JO's instruction, SFS 1986:765, 20 §)
 */
@ConfigurationProperties("ledger.privacy")
public record PrivacyProperties(Path masterKeyFile, Path keyDirectory, Duration keyCacheTime, Integer yearKeyYears) {

    public PrivacyProperties {
        masterKeyFile = masterKeyFile == null ? Path.of("data", "master-key") : masterKeyFile;
        keyDirectory = keyDirectory == null ? masterKeyFile.toAbsolutePath().resolveSibling("keys") : keyDirectory;
        keyCacheTime = keyCacheTime == null ? Duration.ofSeconds(30) : keyCacheTime;
        yearKeyYears = yearKeyYears == null || yearKeyYears < 0 ? 2 : yearKeyYears;
    }
}
