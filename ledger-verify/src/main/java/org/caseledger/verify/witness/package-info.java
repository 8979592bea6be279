/** C2SP tlog-cosignature and tlog-witness: cosigning checkpoints, the add-checkpoint exchange, a witness with its state file and HTTP server, and the log's client. */
package org.caseledger.verify.witness;
