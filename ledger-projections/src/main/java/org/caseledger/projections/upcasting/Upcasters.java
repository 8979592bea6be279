package org.caseledger.projections.upcasting;

import org.axonframework.serialization.upcasting.event.EventUpcasterChain;

/**
 * Every upcaster of the ledger, in the order they apply, for a reader of stored events that has no application to find
 * them as beans: the auditor's kit. {@code UpcastersTest} keeps this list and the package's components the same.
 */
public final class Upcasters {

    private Upcasters() {
    }

    public static EventUpcasterChain chain() {
        return new EventUpcasterChain(new ContactRecordedUpcaster(), new PersonErasedUpcaster());
    }
}
