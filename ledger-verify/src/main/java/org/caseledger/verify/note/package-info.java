/** C2SP signed notes: the note format, Ed25519 note signatures, verifier and signer keys, and verification against known keys. */
package org.caseledger.verify.note;
