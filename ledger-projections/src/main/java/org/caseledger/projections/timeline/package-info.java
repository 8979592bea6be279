/** The case timeline: one readable entry per event, built by a pure function shared by live and as-of reads. */
package org.caseledger.projections.timeline;
