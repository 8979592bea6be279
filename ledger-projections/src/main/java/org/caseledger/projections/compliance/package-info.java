/** The legal rules an auditor checks, computed per case from its view: deadlines met, missed, pending. */
package org.caseledger.projections.compliance;
