/** The ledger's event hash forms (docs/integrity.md, "The hash of an event"): canonical field lists, the envelope digest, the event hash. */
package org.caseledger.verify.event;
