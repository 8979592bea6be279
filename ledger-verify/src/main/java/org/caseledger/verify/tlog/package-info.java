/** The RFC 9162 Merkle log (tree hash, inclusion and consistency proofs, their verification) and C2SP tlog checkpoints. */
package org.caseledger.verify.tlog;
