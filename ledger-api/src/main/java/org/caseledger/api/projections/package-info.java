/** The questions the unit head and legal review ask the read models: caseload, metrics, compliance, the dashboard. */
package org.caseledger.api.projections;
