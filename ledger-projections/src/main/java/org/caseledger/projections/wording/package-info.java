/**
 * The ledger's facts in a reader's words — event sentences, codes, legal bases as a lawyer cites them, times in Swedish
 * local time — from the {@code wording} bundles, shared by the ledger's answers and the auditor's kit so that both word
 * one fact alike.
 */
package org.caseledger.projections.wording;
