/** Caseload: open cases per case worker of a unit, and how evenly they are spread. */
package org.caseledger.projections.caseload;
