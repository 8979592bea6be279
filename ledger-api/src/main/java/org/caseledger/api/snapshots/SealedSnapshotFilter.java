package org.caseledger.api.snapshots;

import java.util.Optional;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets Axon use only snapshots whose seal holds (see {@link SnapshotSealer}); the aggregate is folded from its events
 * instead of any other. The snapshotter reads through the same filter, so a rejected snapshot is never the base of
 * the next one. A rejection is logged with the stream and sequence number only: a snapshot's content is not logged.
 */
public final class SealedSnapshotFilter implements SnapshotFilter {

    private static final Logger log = LoggerFactory.getLogger(SealedSnapshotFilter.class);

    private final SnapshotSealer sealer;
    private final ChainHashes chain;

    SealedSnapshotFilter(SnapshotSealer sealer, ChainHashes chain) {
        this.sealer = sealer;
        this.chain = chain;
    }

    @Override
    public boolean test(DomainEventData<?> snapshot) {
        Optional<String> rejection = sealer.rejectionOf(snapshot, chain);
        rejection.ifPresent(reason -> log.warn("Ignored the snapshot of {} at sequence number {}: {}. It is loaded from "
                + "its events instead.", snapshot.getAggregateIdentifier(), snapshot.getSequenceNumber(), reason));
        return rejection.isEmpty();
    }
}
