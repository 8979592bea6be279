/**
 * The replay of a case file exported to a named recipient: verified first by the independent verifier, then opened with
 * the recipient's key, and read, folded, worded and checked with the ledger's own code (ADR 0015).
 */
package org.caseledger.kit.replay;
