/** Operating the read models: their state, rebuilding them by replay, and the queries the unit head asks. */
package org.caseledger.api.projections;
