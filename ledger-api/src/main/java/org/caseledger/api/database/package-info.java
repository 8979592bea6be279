/**
 * The ledger's database: as an operator sets it up (the roles named in configuration, the schema's migrations that
 * grant to them, run as a step of their own, the checks a serving process makes of the database it is given before it
 * uses it), and as the application sees it (whether it answers now, how the pool reports a connection it lost).
 */
package org.caseledger.api.database;
