/** What the ledger refuses before it starts anything: a set-up that would weaken it, found from the configuration alone. */
package org.caseledger.api.preflight;
