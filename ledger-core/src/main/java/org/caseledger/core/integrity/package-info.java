/**
 * Tamper evidence in plain Java: the canonical form and hash of a stored event, Merkle trees over event hashes,
 * signed checkpoints. Shared by the appending ledger, its verifier and the offline verifier of exported files.
 */
package org.caseledger.core.integrity;
