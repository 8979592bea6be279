/**
 * The kind of set-up the ledger runs in (the embedded zero-setup default or a database server), what each allows, and
 * the files that hold its secrets.
 */
package org.caseledger.api.setup;
