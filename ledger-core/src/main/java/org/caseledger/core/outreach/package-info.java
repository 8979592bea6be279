/** The office's low-threshold work outside formal cases: consultations, meetings, conversations, service. */
package org.caseledger.core.outreach;
