/** The Spring Boot application of the case ledger. */
package org.caseledger.api;
