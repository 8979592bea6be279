/**
 * Who may see and act on which case, and the read-access log (loggkontroll) of every read of case data. The
 * facts a decision needs — a case's unit and assigned case worker, whether the child or a member of the
 * household has a protected identity — are kept in the same transaction as the events they come from.
 */
package org.caseledger.api.access;
