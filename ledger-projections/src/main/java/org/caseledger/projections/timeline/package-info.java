/** The case timeline: one entry per event, worded in the reader's language, built by a pure function shared by live and as-of reads. */
package org.caseledger.projections.timeline;
