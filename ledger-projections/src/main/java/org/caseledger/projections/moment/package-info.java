/**
 * A case as it stood at a moment — what was recorded by an instant, or up to an event — with its view, its timeline and
 * its compliance on that day: one computation for the ledger's answers and the auditor's kit's replay.
 */
package org.caseledger.projections.moment;
