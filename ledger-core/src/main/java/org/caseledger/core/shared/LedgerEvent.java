package org.caseledger.core.shared;

/** Every fact in the ledger carries the envelope that says who recorded it, when, and why. */
public interface LedgerEvent {

    Envelope envelope();
}
