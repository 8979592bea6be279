/** The case view: the pure fold of a case's events and its table in PostgreSQL. */
package org.caseledger.projections.caseview;
