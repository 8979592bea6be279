/** The case view: the pure fold of a case's events and the projection that keeps it in PostgreSQL. */
package org.caseledger.projections.caseview;
