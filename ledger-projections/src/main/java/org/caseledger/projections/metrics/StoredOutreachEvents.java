package org.caseledger.projections.metrics;

import java.util.List;
import org.caseledger.core.outreach.OutreachEvent;

/** Every stored outreach event, personal data sealed: what the figures as of an instant count outreach from. */
@FunctionalInterface
public interface StoredOutreachEvents {

    List<Stored> all();

    /** An outreach event and its place in its activity's stream, which with the activity keys its facts. */
    record Stored(long sequenceNumber, OutreachEvent event) {
    }
}
