package org.caseledger.api.operations;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param sampleEvery       how often the figures read from the database are read again (docs/operations.md, "Metrics")
 * @param readModelLagLimit readiness fails while the oldest event the read models have not yet processed is older than
 *                          this (docs/operations.md, "Health and probes")
 */
@ConfigurationProperties("ledger.operations")
public record OperationsProperties(Duration sampleEvery, Duration readModelLagLimit) {

    public OperationsProperties {
        sampleEvery = sampleEvery == null ? Duration.ofSeconds(5) : sampleEvery;
        readModelLagLimit = readModelLagLimit == null ? Duration.ofMinutes(5) : readModelLagLimit;
        if (sampleEvery.isNegative() || sampleEvery.isZero() || readModelLagLimit.isNegative() || readModelLagLimit.isZero()) {
            throw new IllegalArgumentException("ledger.operations.sample-every and read-model-lag-limit must be positive");
        }
    }
}
