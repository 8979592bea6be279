package org.caseledger.core.shared;

/** Every command carries the envelope its events will copy. */
public interface LedgerCommand {

    Envelope envelope();
}
