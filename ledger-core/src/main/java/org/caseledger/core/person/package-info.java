/** Persons known to the ledger: registration with a validated identity number, and erasure. */
package org.caseledger.core.person;
