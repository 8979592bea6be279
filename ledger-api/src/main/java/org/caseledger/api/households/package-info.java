/** A household as the office works with it: its members over time, its children's cases and the work with it, in one view and one page. */
package org.caseledger.api.households;
