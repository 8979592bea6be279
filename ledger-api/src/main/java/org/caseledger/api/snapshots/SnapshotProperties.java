package org.caseledger.api.snapshots;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param eventsBetweenSnapshots a case is snapshotted once this many of its events have been read or written since its
 *                               last snapshot, so a command never folds more than about this many events
 */
@ConfigurationProperties("ledger.snapshots")
public record SnapshotProperties(@DefaultValue("100") int eventsBetweenSnapshots) {

    public SnapshotProperties {
        if (eventsBetweenSnapshots < 1) {
            throw new IllegalArgumentException("ledger.snapshots.events-between-snapshots must be at least 1");
        }
    }
}
