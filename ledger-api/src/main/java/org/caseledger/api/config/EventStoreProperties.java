package org.caseledger.api.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the event processors treat gaps in the global order. A gap is a position whose event has been written
 * but not yet committed, or never will be (a rolled-back append). A processor remembers each gap and goes back
 * for it when the event appears, until the gap is older than the timeout or further behind than the offset;
 * then it gives up, and an event committed after that would never reach the read models. So the timeout must
 * outlast every transaction that can hold an appended event, and the offset every burst of appends meanwhile.
 * Transactions are bounded by the server's idle-in-transaction timeout that every connection sets.
 *
 * @param gapTimeout   how long a processor waits for an uncommitted position (Axon's default is one minute)
 * @param maxGapOffset how many positions behind the newest event a gap is still remembered (Axon's default is 10,000)
 */
@ConfigurationProperties("ledger.event-store")
public record EventStoreProperties(Duration gapTimeout, int maxGapOffset) {

    public EventStoreProperties {
        gapTimeout = gapTimeout == null ? Duration.ofMinutes(10) : gapTimeout;
        maxGapOffset = maxGapOffset <= 0 ? 100_000 : maxGapOffset;
        if (gapTimeout.compareTo(DataSources.IDLE_IN_TRANSACTION.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("ledger.event-store.gap-timeout must be at least twice the idle-in-transaction timeout of "
                    + DataSources.IDLE_IN_TRANSACTION + ", or a slow transaction's event could be skipped by the read models");
        }
    }
}
