/** Decisions, extensions and hearings recorded long after they happened, and which missed checks they turned into passes. */
package org.caseledger.projections.laterecording;
