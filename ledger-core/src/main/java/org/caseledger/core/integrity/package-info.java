/**
 * Tamper evidence in plain Java: the envelope of an event as it is digested, Merkle trees over event hashes, signed
 * checkpoints, authenticators and seals. The event hash forms themselves are the auditor's kit's
 * ({@code org.caseledger.verify.event}), so the ledger and the offline verifier share one definition.
 */
package org.caseledger.core.integrity;
