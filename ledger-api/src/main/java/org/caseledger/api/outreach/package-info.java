/** REST resources of the office's work outside formal cases. */
package org.caseledger.api.outreach;
