/** The byte-level building blocks every format of the kit shares: SHA-256, Ed25519 on raw keys, canonical Base64, decimals, strict UTF-8. */
package org.caseledger.verify.primitives;
