/**
 * The ledger's database as an operator sets it up: the roles (named in configuration), the schema's migrations that
 * grant to them, run as a step of their own, and the checks a serving process makes of the database it is given before
 * it uses it.
 */
package org.caseledger.api.database;
