/** Evaluation metrics: one fact per countable thing, derived from the events, aggregated per unit and period. */
package org.caseledger.projections.metrics;
