/**
 * The one event processor that keeps the read models: each case event folded into its case's view, and the compliance
 * checks, metric facts and late recordings derived from the view stored with it, in the processor's transaction.
 */
package org.caseledger.projections.readmodels;
