/** Wiring: Axon on the JDBC event store, the embedded PostgreSQL default, the law catalogue from configuration. */
package org.caseledger.api.config;
