/** Several ledger nodes on one database: which nodes are alive, and how they share the read models' segments. */
package org.caseledger.api.nodes;
