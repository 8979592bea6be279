/** Tamper evidence at work: hash-chained appends, signed checkpoints, verification and the verifiable case file. */
package org.caseledger.api.integrity;
